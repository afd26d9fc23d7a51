using System.Globalization;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Inequality;

/// <summary>
/// Place summaries as CSV, one row per place: a measure that does not apply is an empty cell (never NaN), with the
/// reason in <c>note</c>. Shares (ShareBelow, ProportionMostDeprivedTenth, Extent, Gini, Atkinson) are 0–1.
/// </summary>
public static class PlaceSummaryCsv
{
    /// <summary>The header, in column order.</summary>
    public const string Header = "place_code,place_name,areas,missing_areas,population,mean,lowest_fifth,highest_fifth,fifth_gap,gini,"
        + "atkinson_0_5,atkinson_1,adjusted_mean_0_5,adjusted_mean_1,threshold,share_below,iod_average_rank,iod_proportion_most_deprived_10pc,"
        + "iod_extent,iod_local_concentration,note";

    /// <summary>Writes <paramref name="places"/> with names from <paramref name="names"/> (code when absent).</summary>
    public static void Write(IEnumerable<PlaceSummary> places, IReadOnlyDictionary<string, string> names, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var p in places)
        {
            var cells = new[]
            {
                IndexResultCsv.Escape(p.Place), IndexResultCsv.Escape(names.GetValueOrDefault(p.Place, p.Place)),
                p.Areas.ToString(CultureInfo.InvariantCulture), p.MissingAreas.ToString(CultureInfo.InvariantCulture),
                Cell(p.Weight), Cell(p.Mean), Cell(p.LowestFifth), Cell(p.HighestFifth), Cell(p.FifthGap), Cell(p.Gini),
                Cell(p.Atkinson05), Cell(p.Atkinson1), Cell(p.AdjustedMean05), Cell(p.AdjustedMean1), Cell(p.Threshold), Cell(p.ShareBelow),
                Cell(p.AverageRank), Cell(p.ProportionMostDeprivedTenth), Cell(p.Extent), Cell(p.LocalConcentration),
                IndexResultCsv.Escape(p.Note ?? ""),
            };
            writer.Write(string.Join(',', cells));
            writer.Write('\n');
        }
    }

    private static string Cell(double? v) => v is { } x ? IndexResultCsv.Cell(x) : "";
}
