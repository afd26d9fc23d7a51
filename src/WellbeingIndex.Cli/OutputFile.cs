using System.Text;

namespace WellbeingIndex.Cli;

/// <summary>A command's <c>--out</c> file: its folder created, UTF-8 without a byte-order mark, written in large blocks.</summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Creates (or truncates) <paramref name="file"/>. The text writer buffers 64 K characters and the file none, so a
    /// 28 MB table goes out in a few hundred writes rather than the defaults' seven thousand.
    /// </summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder is not writable.</exception>
    public static StreamWriter Create(FileInfo file)
    {
        Directory.CreateDirectory(file.DirectoryName ?? ".");
        var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return new StreamWriter(stream, Utf8, bufferSize: 1 << 16);
    }
}
