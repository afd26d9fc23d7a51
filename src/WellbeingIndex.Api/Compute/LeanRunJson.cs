using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Delimited;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Compute;

/// <summary>
/// The lean compute answer (<see cref="RunDocument.Lean"/>) written straight from the engine's result to the response
/// with a <see cref="Utf8JsonWriter"/>: the same bytes <see cref="ApiJson"/> writes for that document, without building
/// it (a what-if over every area is answered thousands of times a second, and the object graph and reflection-driven
/// serialization cost as much as the run itself). Property names are encoded once; area codes and names once per data.
/// </summary>
public sealed class LeanRunJson : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder, SkipValidation = true };
    private static readonly ConditionalWeakTable<string[], JsonEncodedText[]> Encoded = new();
    private static readonly ConditionalWeakTable<IndexDefinition, Tuple<string[], JsonEncodedText[]>> AggregateOrder = new();

    // One growing buffer per thread, written synchronously; the response gets a pooled copy, as a compressing or slow
    // response may hold what it is given across an await, when this thread serves another answer.
    private static readonly ThreadLocal<ArrayBufferWriter<byte>> Buffers = new(() => new ArrayBufferWriter<byte>(64 * 1024));

    private static readonly JsonEncodedText Run = Name("run"), FrameworkId = Name("frameworkId"), RunId = Name("runId"),
        Period = Name("period"), ComputedAt = Name("computedAt"), PublishedAt = Name("publishedAt"), WhatIf = Name("whatIf"),
        AreaCount = Name("areaCount"), IndicatorCount = Name("indicatorCount"), Areas = Name("areas"), AreaCode = Name("areaCode"),
        AreaName = Name("areaName"), Scores = Name("scores"), NodeCode = Name("nodeCode"), Score = Name("score"), Rank = Name("rank"),
        Decile = Name("decile"), Quintile = Name("quintile"), Coverage = Name("coverage");

    private readonly FrameworkRun _run;
    private readonly string _runId;
    private readonly bool _whatIf;

    /// <param name="run">The run computed over every area.</param>
    /// <param name="runId">The id the answer names (see <see cref="PreparedRuns.WhatIfRunId"/>).</param>
    /// <param name="whatIf">True when the request changed the definition.</param>
    public LeanRunJson(FrameworkRun run, string runId, bool whatIf)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(runId);
        _run = run;
        _runId = runId;
        _whatIf = whatIf;
    }

    /// <summary>
    /// Writes the answer (200, <see cref="ApiJson.ContentType"/>) to the response body with its length, in one write
    /// (no chunked framing).
    /// </summary>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var buffer = Buffers.Value!;
        buffer.ResetWrittenCount();
        WriteTo(buffer);
        var length = buffer.WrittenCount;
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        buffer.WrittenSpan.CopyTo(bytes);
        try
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ApiJson.ContentType;
            response.ContentLength = length;
            await response.BodyWriter.WriteAsync(bytes.AsMemory(0, length), httpContext.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Writes the document to <paramref name="output"/>.</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer);
    }

    private void Write(Utf8JsonWriter writer)
    {
        var result = _run.Result;
        var definition = result.Definition;
        writer.WriteStartObject();
        writer.WriteStartObject(Run);
        writer.WriteString(FrameworkId, _run.Framework.Id);
        writer.WriteString(RunId, _runId);
        writer.WriteString(Period, _run.Period.ToString());
        writer.WriteString(ComputedAt, InstantPattern.ExtendedIso.Format(RunPublication.Truncate(_run.ComputedAt)));
        writer.WriteNull(PublishedAt);
        writer.WriteBoolean(WhatIf, _whatIf);
        writer.WriteNumber(AreaCount, result.AreaCodes.Length);
        writer.WriteNumber(IndicatorCount, definition.Indicators.Length);
        writer.WriteEndObject();

        var (aggregateCodes, nodeCodes) = AggregateOrder.GetValue(definition, Order);
        var aggregates = new NodeScores[aggregateCodes.Length];
        for (var k = 0; k < aggregates.Length; k++)
        {
            aggregates[k] = result[aggregateCodes[k]];
        }

        var count = aggregates.Length;
        var codes = Encode(ImmutableCollectionsMarshal.AsArray(result.AreaCodes)!);
        var names = Encode(ImmutableCollectionsMarshal.AsArray(result.AreaNames)!);
        writer.WriteStartArray(Areas);
        for (var i = 0; i < codes.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteString(AreaCode, codes[i]);
            writer.WriteString(AreaName, names[i]);
            writer.WriteStartArray(Scores);
            for (var k = 0; k < count; k++)
            {
                var node = aggregates[k];
                writer.WriteStartObject();
                writer.WriteString(NodeCode, nodeCodes[k]);
                var score = node.Scores[i];
                if (double.IsNaN(score))
                {
                    writer.WriteNull(Score);
                }
                else
                {
                    Number(writer, Score, score);
                }

                var rank = node.Ranks[i];
                if (rank == 0)
                {
                    writer.WriteNull(Rank);
                    writer.WriteNull(Decile);
                    writer.WriteNull(Quintile);
                }
                else
                {
                    writer.WriteNumber(Rank, rank);
                    writer.WriteNumber(Decile, node.Deciles[i]);
                    writer.WriteNumber(Quintile, node.Quintiles[i]);
                }

                if (node.HasCoverage)
                {
                    Number(writer, Coverage, node.Coverage[i]);
                }
                else
                {
                    writer.WriteNull(Coverage);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A double as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> writes it (the shortest text that
    /// reads back as the same double), with the project's shortest round-trip formatter, remembered in
    /// <see cref="Formatted"/>: most scores of a what-if are those of the run it varies (a weight moves its parent's and
    /// the index's scores only), and coverages take a few values.
    /// </summary>
    internal static void Number(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var slot = (int)((bits * 0x9E3779B97F4A7C15UL) >> (64 - FormattedBits));
        var known = Formatted[slot];
        if (known is null || known.Bits != bits)
        {
            Span<char> text = stackalloc char[CsvRecordWriter.MaxNumberLength];
            var length = CsvRecordWriter.FormatNumber(value, text);
            if (length == 0)
            {
                writer.WriteNumber(name, value); // not finite: throws, as the serializer does
                return;
            }

            var utf8 = new byte[length];
            for (var i = 0; i < length; i++)
            {
                utf8[i] = (byte)text[i];
            }

            known = new FormattedNumber(bits, utf8);
            Formatted[slot] = known;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(known.Utf8, skipInputValidation: true);
    }

    private const int FormattedBits = 12;

    /// <summary>Recently written doubles and their text, by a hash of their bits (a slot keeps the last one written there).</summary>
    private static readonly FormattedNumber?[] Formatted = new FormattedNumber?[1 << FormattedBits];

    private sealed class FormattedNumber(ulong bits, byte[] utf8)
    {
        public ulong Bits { get; } = bits;

        public byte[] Utf8 { get; } = utf8;
    }

    /// <summary>The index first, then the other aggregates in definition order (as RunPublication.AreaRows packs them), with their codes encoded.</summary>
    private static Tuple<string[], JsonEncodedText[]> Order(IndexDefinition definition)
    {
        var codes = definition.Nodes.Where(n => n.Type == NodeType.Aggregate).OrderBy(n => n.Parent is null ? 0 : 1).Select(n => n.Code).ToArray();
        return Tuple.Create(codes, Array.ConvertAll(codes, c => JsonEncodedText.Encode(c, ApiJson.Options.Encoder)));
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, ApiJson.Options.Encoder);

    /// <summary>Area codes and names are the same arrays from run to run of the same data: encode them once.</summary>
    private static JsonEncodedText[] Encode(string[] texts) =>
        Encoded.GetValue(texts, static t => Array.ConvertAll(t, s => JsonEncodedText.Encode(s, ApiJson.Options.Encoder)));
}
