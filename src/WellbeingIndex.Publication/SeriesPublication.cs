using System.Globalization;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>
/// A <see cref="FrameworkSeries"/> flattened into the rows both stores write (one per period and area, scores packed as
/// in run rows), with its deterministic series id.
/// </summary>
public sealed class SeriesPublication
{
    private SeriesPublication(string frameworkId, string seriesId, TimeDefinition time, IReadOnlyList<ReferencePeriod> periods, Instant computedAt,
        string definitionJson, int areaCount, IReadOnlyList<string> nodeCodes, IReadOnlyList<AreaScoreRow> rows)
    {
        FrameworkId = frameworkId;
        SeriesId = seriesId;
        Time = time;
        Periods = periods;
        ComputedAt = computedAt;
        DefinitionJson = definitionJson;
        AreaCount = areaCount;
        NodeCodes = nodeCodes;
        Rows = rows;
    }

    public string FrameworkId { get; }

    public string SeriesId { get; }

    public TimeDefinition Time { get; }

    public IReadOnlyList<ReferencePeriod> Periods { get; }

    public Instant ComputedAt { get; }

    public string DefinitionJson { get; }

    public int AreaCount { get; }

    /// <summary>Aggregate nodes: the index, then the others in definition order.</summary>
    public IReadOnlyList<string> NodeCodes { get; }

    /// <summary>Periods oldest first, then areas in the series' order (<see cref="AreaScoreRow.RunId"/> is the series id).</summary>
    public IReadOnlyList<AreaScoreRow> Rows { get; }

    public PublishedSeries ToSeries(RunStatus status, Instant publishedAt) =>
        new(FrameworkId, SeriesId, TimeDefinition.ModeName(Time.Mode), Time.Base, Periods, ComputedAt, RunPublication.Truncate(publishedAt),
            DefinitionJson, AreaCount, status);

    /// <summary>The same series as first computed at <paramref name="computedAt"/>: a re-publish keeps the stored time.</summary>
    public SeriesPublication WithComputedAt(Instant computedAt) =>
        new(FrameworkId, SeriesId, Time, Periods, computedAt, DefinitionJson, AreaCount, NodeCodes, Rows);

    /// <exception cref="ArgumentException">A key cannot be stored, or the series' periods disagree on areas or nodes.</exception>
    public static SeriesPublication From(FrameworkSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var frameworkId = series.Framework.Id;
        RunPublication.CheckKey(frameworkId, "framework id");
        var panel = series.Result;
        var definitionJson = IndexDefinitionJson.ToJson(panel.Definition).ToString(Newtonsoft.Json.Formatting.None);
        using var hash = new RunPublication.Hasher();
        hash.Add(frameworkId).Add(definitionJson);
        var periods = panel.Periods.ToList();
        var seriesId = $"{periods[0].ToString().Replace('/', '-')}-{periods[^1].ToString().Replace('/', '-')}-";
        for (var p = 0; p < periods.Count; p++)
        {
            var result = panel.Results[p];
            hash.Add(periods[p].ToString());
            for (var i = 0; i < result.AreaCodes.Length; i++)
            {
                RunPublication.CheckKey(result.AreaCodes[i], "area code");
                hash.Add(result.AreaCodes[i]).Add(result.AreaNames[i]);
            }

            foreach (var (code, values) in series.Values[p].OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                foreach (var v in values)
                {
                    hash.Add(code).Add(v.AreaCode).Add(v.Value?.ToString("R", CultureInfo.InvariantCulture)).Add(v.Period?.ToString())
                        .Add(v.Status.ToString()).Add(v.Reason);
                }
            }
        }

        seriesId += hash.Hex(16);
        var rows = new List<AreaScoreRow>();
        IReadOnlyList<string>? nodeCodes = null;
        for (var p = 0; p < periods.Count; p++)
        {
            var (nodes, areas) = RunPublication.AreaRows(panel.Results[p], seriesId, periods[p]);
            if (nodeCodes is not null && (!nodes.SequenceEqual(nodeCodes) || areas.Count != rows.Count / p))
            {
                throw new ArgumentException($"Period {periods[p]} of the series has different areas or nodes from {periods[0]}.", nameof(series));
            }

            nodeCodes = nodes;
            rows.AddRange(areas);
        }

        return new SeriesPublication(frameworkId, seriesId, panel.Time, periods, RunPublication.Truncate(series.ComputedAt), definitionJson,
            panel.Results[0].AreaCodes.Length, nodeCodes!, rows);
    }
}
