using System.IO.Compression;

namespace WellbeingIndex.Abstractions;

/// <summary>
/// What a provider gets from its host: the configured data directory. Providers read files only through
/// <see cref="OpenText"/>, so a <c>.gz</c> copy of a file is read transparently and a missing file names where it looked.
/// </summary>
public sealed class ProviderContext
{
    /// <summary>A context over <paramref name="dataDirectory"/> (made absolute).</summary>
    /// <exception cref="ArgumentException">The directory is null, empty or blank.</exception>
    public ProviderContext(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    /// <summary>The absolute path of the folder holding the published data files.</summary>
    public string DataDirectory { get; }

    /// <summary>Opens <paramref name="fileName"/> (or <c>fileName.gz</c>) in the data directory as UTF-8 text.</summary>
    /// <exception cref="IndicatorDataException">Neither file exists; the message names the paths looked for.</exception>
    public TextReader OpenText(string providerId, string fileName)
    {
        var path = Path.Combine(DataDirectory, fileName);
        if (File.Exists(path))
        {
            return Open(path);
        }

        if (File.Exists(path + ".gz"))
        {
            return Open(path + ".gz");
        }

        throw new IndicatorDataException(providerId, $"data file not found: looked for {path} (and {path}.gz). Set the data directory (WELLBEING_DATA_DIR).", fileName);
    }

    private static StreamReader Open(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }
}
