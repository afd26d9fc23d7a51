using System.IO.Compression;
using System.Text;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Tests;

/// <summary>A throw-away data directory for malformed files.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wellbeing-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public ProviderContext Context => new(Path);

    public TempDataDirectory Write(string fileName, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), text, new UTF8Encoding(false));
        return this;
    }

    public TempDataDirectory WriteGz(string fileName, string text)
    {
        using var file = File.Create(System.IO.Path.Combine(Path, fileName + ".gz"));
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
