using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Panel;

/// <summary>Change over time from a panel run: per area, node and period (<see cref="Changes"/>) and growth over a span (<see cref="Trends"/>).</summary>
public static class PanelChanges
{
    /// <summary>
    /// Every area, node (indicators' scores, then aggregates bottom-up) and period. The base is the time block's base
    /// period, else the first period; the previous period is the area's latest earlier one.
    /// </summary>
    public static IReadOnlyList<AreaChange> Changes(PanelResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var periods = result.Periods;
        var basePeriod = result.Time.Mode == TimeMode.BasePeriod && ReferencePeriod.TryParse(result.Time.Base, out var b) ? b : periods[0];
        var baseIndex = result.Input.IndexOf(basePeriod);
        var rows = new List<AreaChange>();
        var nodes = result.Results[0].Scores.Select(s => s.Code).ToList();
        foreach (var area in result.Input.AreaCodes)
        {
            foreach (var node in nodes)
            {
                var isIndicator = result.Definition[node].Type == NodeType.Indicator;
                int previous = -1, previousRow = -1;
                var baseRow = baseIndex >= 0 ? result.Results[baseIndex].Input.IndexOfArea(area) : -1;
                var baseScore = baseRow >= 0 ? result.Results[baseIndex][node].Scores[baseRow] : double.NaN;
                for (var p = 0; p < periods.Length; p++)
                {
                    var r = result.Results[p];
                    var row = r.Input.IndexOfArea(area);
                    if (row < 0) continue;
                    var scores = r[node];
                    var score = scores.Scores[row];
                    var rank = scores.Ranks[row];
                    double sincePrevious = double.NaN, raw = double.NaN;
                    int? movement = null;
                    bool? significant = null;
                    if (previous >= 0)
                    {
                        var before = result.Results[previous];
                        sincePrevious = score - before[node].Scores[previousRow];
                        var beforeRank = before[node].Ranks[previousRow];
                        movement = rank > 0 && beforeRank > 0 ? beforeRank - rank : null;
                        if (isIndicator)
                        {
                            raw = r.Table(ResultTable.Raw).Column(node)[row] - before.Table(ResultTable.Raw).Column(node)[previousRow];
                            significant = Exceeds(result.Input.Interval(previous, node), previousRow, result.Input.Interval(p, node), row);
                        }
                    }

                    rows.Add(new AreaChange(area, node, periods[p], score, score - baseScore, sincePrevious, rank, movement, raw, significant));
                    (previous, previousRow) = (p, row);
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// CAGR per area and node between <paramref name="from"/> and <paramref name="to"/> (inclusive; null = the panel's
    /// ends), on the nodes' scores or, with <paramref name="table"/>, on that table's columns (for example raw).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The run kept no table of that name.</exception>
    public static IReadOnlyList<AreaTrend> Trends(PanelResult result, ReferencePeriod? from = null, ReferencePeriod? to = null, string? table = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var span = Enumerable.Range(0, result.Periods.Length)
            .Where(p => (from is null || result.Periods[p] >= from) && (to is null || result.Periods[p] <= to)).ToList();
        var nodes = table is null ? result.Results[0].Scores.Select(s => s.Code).ToList() : [.. result.Results[0].Table(table).Codes];
        var trends = new List<AreaTrend>();
        foreach (var area in result.Input.AreaCodes)
        {
            foreach (var node in nodes)
            {
                var points = new List<(int Period, double Value)>();
                foreach (var p in span)
                {
                    var r = result.Results[p];
                    var row = r.Input.IndexOfArea(area);
                    if (row < 0) continue;
                    var v = table is null ? r[node].Scores[row] : r.Table(table).Column(node)[row];
                    if (!double.IsNaN(v)) points.Add((p, v));
                }

                trends.Add(Trend(area, node, points, result.Periods));
            }
        }

        return trends;
    }

    /// <summary>(last/first)^(1/(tLast − tFirst)) − 1; NaN unless first &gt; 0, last ≥ 0 and tLast &gt; tFirst.</summary>
    public static double Cagr(double first, double last, double years) =>
        first > 0 && last >= 0 && years > 0 ? Math.Pow(last / first, 1 / years) - 1 : double.NaN;

    private static AreaTrend Trend(string area, string node, List<(int Period, double Value)> points, IReadOnlyList<ReferencePeriod> periods)
    {
        if (points.Count < 2)
        {
            return new AreaTrend(area, node, points.Count == 1 ? periods[points[0].Period] : null, null,
                points.Count == 1 ? points[0].Value : double.NaN, double.NaN, points.Count, double.NaN, "fewer than two periods with a value");
        }

        var (f, l) = (points[0], points[^1]);
        var years = PanelData.TimeValue(periods[l.Period]) - PanelData.TimeValue(periods[f.Period]);
        var cagr = Cagr(f.Value, l.Value, years);
        return new AreaTrend(area, node, periods[f.Period], periods[l.Period], f.Value, l.Value, points.Count, cagr,
            double.IsNaN(cagr) ? "growth is undefined: the first value is not positive or the last is negative" : null);
    }

    private static bool? Exceeds(IntervalColumn? before, int beforeRow, IntervalColumn? now, int nowRow)
    {
        if (before is null || now is null) return null;
        var (l0, u0, l1, u1) = (before.Lower[beforeRow], before.Upper[beforeRow], now.Lower[nowRow], now.Upper[nowRow]);
        if (double.IsNaN(l0) || double.IsNaN(u0) || double.IsNaN(l1) || double.IsNaN(u1)) return null;
        return u0 < l1 || u1 < l0;
    }
}
