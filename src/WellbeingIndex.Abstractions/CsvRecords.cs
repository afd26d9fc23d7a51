using System.Text;

namespace WellbeingIndex.Abstractions;

/// <summary>
/// RFC 4180 records streamed from text: quoted fields may hold commas, doubled quotes and line breaks. Published
/// statistics come as CSV, so providers (and the engine's inputs) share this one reader; it streams, because an
/// LSOA table is tens of thousands of rows.
/// </summary>
public static class CsvRecords
{
    /// <summary>Every record with the line it starts on; malformed quoting throws <see cref="CsvFormatException"/>.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var field = new StringBuilder();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            var start = ++line;
            if (!text.Contains('"'))
            {
                // The common case: no quotes, split directly.
                yield return new CsvRecord(start, text.Split(','));
                continue;
            }

            var fields = new List<string>();
            field.Clear();
            var quoted = false;
            var afterQuote = false;
            while (true)
            {
                for (var i = 0; i < text.Length; i++)
                {
                    var ch = text[i];
                    if (quoted)
                    {
                        if (ch != '"')
                        {
                            field.Append(ch);
                        }
                        else if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            quoted = false;
                            afterQuote = true;
                        }
                    }
                    else if (ch == ',')
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                        afterQuote = false;
                    }
                    else if (ch == '"')
                    {
                        if (field.Length > 0 || afterQuote)
                        {
                            throw new CsvFormatException($"a quote inside an unquoted field (field {fields.Count + 1}).", line);
                        }

                        quoted = true;
                    }
                    else if (afterQuote)
                    {
                        throw new CsvFormatException($"text after the closing quote of field {fields.Count + 1}.", line);
                    }
                    else
                    {
                        field.Append(ch);
                    }
                }

                if (!quoted)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(start, [.. fields]);
                    break;
                }

                // A quoted field still open at the end of a line continues on the next; the line break is kept as '\n'.
                text = reader.ReadLine() ?? throw new CsvFormatException("a quoted field is not closed before the end of the file.", start);
                line++;
                field.Append('\n');
            }
        }
    }
}
