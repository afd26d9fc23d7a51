using System.Text.Json;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// The one shape of a series in responses, whether read from storage (<c>GET .../series</c>) or just computed (what-if
/// over a period range, never stored): the time mode and base that make the periods comparable, the definition used,
/// and per period each area's scores per aggregate node.
/// </summary>
public sealed record SeriesDocument(SeriesDocument.SeriesInfo Series, JsonElement Definition, IReadOnlyList<SeriesDocument.PeriodScores> Periods)
{
    /// <param name="FrameworkId">The framework.</param>
    /// <param name="SeriesId">The series id the stores use (derived from the inputs); a what-if gets its own.</param>
    /// <param name="TimeMode">per-period, pooled or base-period.</param>
    /// <param name="Base">The base period in base-period mode; null otherwise.</param>
    /// <param name="From">First period served.</param>
    /// <param name="To">Last period served.</param>
    /// <param name="ComputedAt">When computed.</param>
    /// <param name="PublishedAt">When published; null for a computed, unpublished series.</param>
    /// <param name="WhatIf">True when the definition was changed by the request.</param>
    /// <param name="AreaCount">Areas per period.</param>
    public sealed record SeriesInfo(string FrameworkId, string SeriesId, string TimeMode, string? Base, ReferencePeriod From, ReferencePeriod To,
        Instant ComputedAt, Instant? PublishedAt, bool WhatIf, int AreaCount);

    public sealed record PeriodScores(ReferencePeriod Period, IReadOnlyList<RunDocument.AreaScores> Areas);

    /// <summary>A published series' rows from <paramref name="from"/> to <paramref name="to"/> (both periods of it).</summary>
    public static SeriesDocument Published(PublishedSeries series, IReadOnlyList<AreaScoreRow> rows, ReferencePeriod from, ReferencePeriod to)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rows);
        return new SeriesDocument(
            new SeriesInfo(series.FrameworkId, series.SeriesId, series.TimeMode, series.Base, from, to, series.ComputedAt, series.PublishedAt, false,
                series.AreaCount),
            ApiJson.Element(series.DefinitionJson), Group(rows.Where(r => r.Period.CompareTo(from) >= 0 && r.Period.CompareTo(to) <= 0)));
    }

    /// <summary>A series just computed: the rows it would be published as, with the series id it would get.</summary>
    public static SeriesDocument Computed(FrameworkSeries series, bool whatIf)
    {
        ArgumentNullException.ThrowIfNull(series);
        var p = SeriesPublication.From(series);
        var s = p.ToSeries(RunStatus.Complete, p.ComputedAt);
        return new SeriesDocument(
            new SeriesInfo(s.FrameworkId, s.SeriesId, s.TimeMode, s.Base, s.From, s.To, s.ComputedAt, null, whatIf, s.AreaCount),
            ApiJson.Element(p.DefinitionJson), Group(p.Rows));
    }

    /// <summary>JSON, or CSV (one row per period and area, five columns per node) when the client asks for text/csv.</summary>
    public Microsoft.AspNetCore.Http.IResult ToResult(Microsoft.AspNetCore.Http.HttpRequest request) =>
        Csv.IsWanted(request) && Periods.Count > 0 && Periods[0].Areas.Count > 0
            ? Csv.Result(RunCsv.Header(Periods[0].Areas[0].Scores, "period", "area_code", "area_name"),
                Periods.SelectMany(p => p.Areas.Select(a => (IReadOnlyList<object?>)[p.Period.ToString(), a.AreaCode, a.AreaName, .. RunCsv.Cells(a.Scores)])))
            : ApiJson.Result(this);

    private static List<PeriodScores> Group(IEnumerable<AreaScoreRow> rows) =>
        rows.GroupBy(r => r.Period).Select(g => new PeriodScores(g.Key, g.Select(a => new RunDocument.AreaScores(a.AreaCode, a.AreaName, a.Scores)).ToList()))
            .ToList();
}
