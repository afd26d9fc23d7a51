using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>
/// A <see cref="FrameworkRun"/> flattened into the rows both stores write, with its deterministic run id. Building it
/// checks everything that would otherwise fail halfway through a publish (keys, value counts).
/// </summary>
public sealed class RunPublication
{
    private RunPublication(string frameworkId, string runId, ReferencePeriod period, Instant computedAt, string definitionJson, string engine,
        int indicatorCount, IReadOnlyList<string> nodeCodes, IReadOnlyList<AreaScoreRow> areaScores, IReadOnlyList<IndicatorValueRow> indicatorValues,
        IReadOnlyList<PlaceRollup> places)
    {
        Engine = engine;
        Places = places;
        NodeCodes = nodeCodes;
        FrameworkId = frameworkId;
        RunId = runId;
        Period = period;
        ComputedAt = computedAt;
        DefinitionJson = definitionJson;
        IndicatorCount = indicatorCount;
        AreaScores = areaScores;
        IndicatorValues = indicatorValues;
    }

    public string FrameworkId { get; }

    public string RunId { get; }

    public ReferencePeriod Period { get; }

    public Instant ComputedAt { get; }

    public string DefinitionJson { get; }

    /// <summary>The <see cref="EngineFingerprint"/> the run id was derived with.</summary>
    public string Engine { get; }

    /// <summary>Roll-ups of the run to places (small-area frameworks), written with the run; empty otherwise.</summary>
    public IReadOnlyList<PlaceRollup> Places { get; }

    public int IndicatorCount { get; }

    /// <summary>Aggregate nodes: the index, then the others in definition order.</summary>
    public IReadOnlyList<string> NodeCodes { get; }

    public IReadOnlyList<AreaScoreRow> AreaScores { get; }

    /// <summary>Indicators in definition order, then areas in run order.</summary>
    public IReadOnlyList<IndicatorValueRow> IndicatorValues { get; }

    public PublishedRun ToRun(RunStatus status, Instant publishedAt) =>
        new(FrameworkId, RunId, Period, ComputedAt, Truncate(publishedAt), DefinitionJson, AreaScores.Count, IndicatorCount, status);

    /// <summary>The same run as first computed at <paramref name="computedAt"/>: a re-publish keeps the stored time.</summary>
    public RunPublication WithComputedAt(Instant computedAt) =>
        new(FrameworkId, RunId, Period, computedAt, DefinitionJson, Engine, IndicatorCount, NodeCodes, AreaScores, IndicatorValues, Places);

    /// <summary>Table Storage keeps instants to the millisecond; both stores keep the same precision.</summary>
    public static Instant Truncate(Instant instant) => Instant.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());

    /// <summary>The rows of <paramref name="run"/>, with no place roll-ups, under the current engine's fingerprint.</summary>
    /// <exception cref="ArgumentException">A key holds a forbidden character, or an indicator's values do not match the areas.</exception>
    public static RunPublication From(FrameworkRun run) => From(run, [], EngineFingerprint.Current);

    /// <summary>
    /// The rows of <paramref name="run"/> and its roll-ups to places; the run id hashes <paramref name="engine"/> (an
    /// <see cref="EngineFingerprint"/>), the framework, period, definition and every input value.
    /// </summary>
    /// <exception cref="ArgumentException">A key holds a forbidden character, an indicator's values do not match the areas,
    /// or a roll-up is of another framework or period.</exception>
    public static RunPublication From(FrameworkRun run, IReadOnlyList<PlaceRollup> places, string engine)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentException.ThrowIfNullOrWhiteSpace(engine);
        var frameworkId = run.Framework.Id;
        CheckKey(frameworkId, "framework id");
        var result = run.Result;
        var definition = result.Definition;
        var areaCodes = result.AreaCodes;
        var areaNames = result.AreaNames;
        foreach (var code in areaCodes)
        {
            CheckKey(code, "area code");
        }

        var definitionJson = IndexDefinitionJson.ToJson(definition).ToString(Newtonsoft.Json.Formatting.None);
        using var hash = new Hasher();
        hash.Add(engine).Add(frameworkId).Add(run.Period.ToString()).Add(definitionJson);
        for (var i = 0; i < areaCodes.Length; i++)
        {
            hash.Add(areaCodes[i]).Add(areaNames[i]);
        }

        var values = new List<IndicatorValueRow>(definition.Indicators.Length * areaCodes.Length);
        foreach (var indicator in definition.Indicators)
        {
            CheckKey(indicator.Code, "indicator code");
            if (!run.Values.TryGetValue(indicator.Code, out var raw))
            {
                throw new ArgumentException($"The run has no values for indicator '{indicator.Code}'.", nameof(run));
            }

            if (raw.Count != areaCodes.Length)
            {
                throw new ArgumentException($"Indicator '{indicator.Code}' has {raw.Count} values for {areaCodes.Length} areas.", nameof(run));
            }

            run.Metadata.TryGetValue(indicator.Code, out var metadata);
            var normalised = result[indicator.Code].Scores;
            for (var i = 0; i < areaCodes.Length; i++)
            {
                var v = raw[i];
                if (v.AreaCode != areaCodes[i])
                {
                    throw new ArgumentException(
                        $"Indicator '{indicator.Code}' value {i + 1} is for area '{v.AreaCode}', expected '{areaCodes[i]}'.", nameof(run));
                }

                hash.Add(indicator.Code).Add(v.AreaCode).Add(v.Value?.ToString("R", CultureInfo.InvariantCulture))
                    .Add(v.Period?.ToString()).Add(v.Status.ToString()).Add(v.Reason);
                values.Add(new IndicatorValueRow(v.AreaCode, areaNames[i], indicator.Code, v.Value, NullIfNaN(normalised[i]), v.Period,
                    v.Status, v.Reason, indicator.Provider ?? metadata?.Id, metadata?.Publisher, metadata?.Dataset,
                    metadata?.Url.AbsoluteUri, metadata?.Licence));
            }
        }

        var runId = run.Period.ToString().Replace('/', '-') + "-" + hash.Hex(16);
        var (nodeCodes, areas) = AreaRows(result, runId, run.Period);
        foreach (var code in nodeCodes)
        {
            CheckKey(code, "node code");
        }

        foreach (var place in places)
        {
            if (place.FrameworkId != frameworkId || place.Period != run.Period)
            {
                throw new ArgumentException($"The roll-up of {place.FrameworkId} at {place.Period} is not of this run ({frameworkId} at {run.Period}).", nameof(places));
            }

            CheckKey(place.Node, "node code");
            foreach (var summary in place.Places)
            {
                CheckKey(summary.Place, "place code");
            }
        }

        return new RunPublication(frameworkId, runId, run.Period, Truncate(run.ComputedAt), definitionJson, engine,
            definition.Indicators.Length, nodeCodes, areas, values, places);
    }

    /// <summary>
    /// Each area's scores for every aggregate node (the index first, then the others in definition order) under
    /// <paramref name="id"/>: the packing run rows and series rows share.
    /// </summary>
    public static (IReadOnlyList<string> NodeCodes, IReadOnlyList<AreaScoreRow> Rows) AreaRows(Engine.Results.IndexResult result, string id, ReferencePeriod period)
    {
        var aggregates = result.Definition.Nodes.Where(n => n.Type == NodeType.Aggregate)
            .OrderBy(n => n.Parent is null ? 0 : 1).Select(n => result[n.Code]).ToArray();
        var areas = new List<AreaScoreRow>(result.AreaCodes.Length);
        for (var i = 0; i < result.AreaCodes.Length; i++)
        {
            var scores = new NodeScore[aggregates.Length];
            for (var k = 0; k < aggregates.Length; k++)
            {
                var node = aggregates[k];
                var missing = node.Ranks[i] == 0;
                scores[k] = new NodeScore(node.Code, NullIfNaN(node.Scores[i]), missing ? null : node.Ranks[i],
                    missing ? null : node.Deciles[i], missing ? null : node.Quintiles[i], node.HasCoverage ? node.Coverage[i] : null);
            }

            areas.Add(new AreaScoreRow(id, period, result.AreaCodes[i], result.AreaNames[i], scores));
        }

        return (aggregates.Select(a => a.Code).ToList(), areas);
    }

    /// <summary>Table keys may not hold '/', '\', '#', '?' or control characters; '|' separates the parts of a key.</summary>
    internal static void CheckKey(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200 || value.Any(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c)))
        {
            throw new ArgumentException($"The {what} '{value}' cannot be published: it must be 1–200 characters without '/', '\\', '#', '?', '|' or control characters.");
        }
    }

    internal static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    internal sealed class Hasher : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public Hasher Add(string? text)
        {
            // A length prefix keeps ("ab","c") and ("a","bc") apart; null differs from "".
            _hash.AppendData(Encoding.UTF8.GetBytes(text is null ? "-1:" : $"{text.Length}:{text}"));
            return this;
        }

        public string Hex(int characters) => Convert.ToHexStringLower(_hash.GetHashAndReset())[..characters];

        public void Dispose() => _hash.Dispose();
    }
}
