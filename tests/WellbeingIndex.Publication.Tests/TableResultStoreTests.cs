using Azure.Data.Tables;
using NodaTime;
using WellbeingIndex.Publication;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Publication.Tests;

/// <summary>The conformance suite against Azurite; each test gets its own tables (a unique prefix).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableResultStoreTests(AzuriteFixture azurite) : ResultStoreConformanceTests
{
    private protected override IResultStore CreateStore(IClock clock, Func<int, CancellationToken, ValueTask> beforeBatch) =>
        new TableResultStore(new TableServiceClient(azurite.ConnectionString), "T" + Guid.NewGuid().ToString("N")[..16], clock, beforeBatch);
}
