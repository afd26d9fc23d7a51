using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WellbeingIndex.Api.Http;

/// <summary>
/// The front door of every JSON request body: RFC 8259 JSON and nothing more, checked with
/// <see cref="Utf8JsonReader"/> before any parser sees the body. Comments, trailing commas, single quotes, NaN and
/// Infinity literals, numbers beyond a double, bytes that are not UTF-8, nesting deeper than <see cref="MaxDepth"/> and a key repeated in one
/// object are rejected (a lenient parser keeps the last duplicate and silently drops the first, which may have been
/// the invalid one). Property names are matched case-sensitively by the parsers, so only exact repeats are duplicates.
/// </summary>
public static class StrictJson
{
    /// <summary>Deeper bodies are abuse: a what-if body is at most four levels deep.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>Checks <paramref name="utf8"/>; throws a 400 problem keyed by the JSON path where it goes wrong.</summary>
    /// <exception cref="ApiException">The body is not strict JSON.</exception>
    public static void Validate(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw Problem("body", "not valid JSON: the body is not UTF-8 text.");
        }

        var reader = new Utf8JsonReader(utf8, Options);
        var stack = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var top = stack[^1];
                        top.Name = reader.GetString()!;
                        if (!top.Keys!.Add(top.Name))
                        {
                            throw Problem(Path(stack), "duplicate key: each property may appear once in an object.");
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Element(stack);
                        stack.Add(new Frame(reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    default:
                        Element(stack);
                        if (reader.TokenType == JsonTokenType.Number && !(reader.TryGetDouble(out var number) && double.IsFinite(number)))
                        {
                            throw Problem(Path(stack), "number out of range: it must fit a double (at most about 1.8e308).");
                        }

                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var at = (int)reader.BytesConsumed;
            while (at < utf8.Length && utf8[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)':')
            {
                at++;
            }

            throw Problem(Path(stack), string.Create(CultureInfo.InvariantCulture,
                $"not valid JSON: {Hint(utf8[at..], e)} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    private static string Hint(ReadOnlySpan<byte> rest, JsonException e) => rest switch
    {
        [(byte)'/', ..] => "comments are not allowed",
        [(byte)'\'', ..] => "strings and names must be in double quotes, not single quotes",
        [(byte)'}', ..] or [(byte)']', ..] => "trailing commas are not allowed",
        [(byte)'N', (byte)'a', (byte)'N', ..] or [(byte)'I', (byte)'n', (byte)'f', ..] or [(byte)'-', (byte)'I', ..] =>
            "NaN and Infinity are not JSON numbers",
        [] => "the body ends before the JSON value does",
        _ => e.Message.Split(" LineNumber:", 2)[0].TrimEnd(),
    };

    /// <summary>A value starts: inside an array it is the next element.</summary>
    private static void Element(List<Frame> stack)
    {
        if (stack.Count > 0 && stack[^1].Keys is null)
        {
            stack[^1].Index++;
        }
    }

    /// <summary>The request-field path of the current value (<c>weights.income</c>, <c>areas[2]</c>); <c>body</c> at the root.</summary>
    private static string Path(List<Frame> stack)
    {
        var path = new StringBuilder();
        foreach (var frame in stack)
        {
            if (frame.Keys is null && frame.Index >= 0)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{frame.Index}]");
            }
            else if (frame.Keys is not null && frame.Name is not null)
            {
                path.Append(path.Length > 0 ? "." : "").Append(frame.Name.Length > ApiProblem.MaxEchoedLength ? frame.Name[..ApiProblem.MaxEchoedLength] + "…" : frame.Name);
            }
        }

        return path.Length > 0 ? path.ToString() : "body";
    }

    private static ApiException Problem(string field, string message) =>
        ApiProblem.Field(field, message).ToException();

    private sealed class Frame(bool isObject)
    {
        public HashSet<string>? Keys { get; } = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;

        public string? Name { get; set; }

        public int Index { get; set; } = -1;
    }
}
