namespace WellbeingIndex.Tests.Azurite;

/// <summary>
/// One Azurite for every test class in the <see cref="AzuriteCollection"/>. A missing or broken Azurite fails the
/// tests (with how to fix it) instead of skipping them.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
