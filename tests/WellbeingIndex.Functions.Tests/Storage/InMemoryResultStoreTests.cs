using NodaTime;
using WellbeingIndex.Functions.Storage;

namespace WellbeingIndex.Functions.Tests.Storage;

public sealed class InMemoryResultStoreTests : ResultStoreConformanceTests
{
    private protected override IResultStore CreateStore(IClock clock, Func<int, CancellationToken, ValueTask> beforeBatch) =>
        new InMemoryResultStore(clock, beforeBatch);
}
