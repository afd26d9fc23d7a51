using NodaTime;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Publication.Tests;

public sealed class InMemoryResultStoreTests : ResultStoreConformanceTests
{
    private protected override IResultStore CreateStore(IClock clock, Func<int, CancellationToken, ValueTask> beforeBatch) =>
        new InMemoryResultStore(clock, beforeBatch);
}
