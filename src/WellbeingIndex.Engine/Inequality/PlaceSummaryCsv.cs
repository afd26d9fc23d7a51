using WellbeingIndex.Delimited;

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
        using var csv = CsvRecordWriter.Create(writer, Header.Split(','));
        foreach (var p in places)
        {
            using var record = csv.NewRecord();
            record.Text(0, p.Place);
            record.Text(1, names.GetValueOrDefault(p.Place, p.Place));
            record.Integer(2, p.Areas, missing: -1);
            record.Integer(3, p.MissingAreas, missing: -1);
            double?[] measures =
            [
                p.Weight, p.Mean, p.LowestFifth, p.HighestFifth, p.FifthGap, p.Gini, p.Atkinson05, p.Atkinson1, p.AdjustedMean05,
                p.AdjustedMean1, p.Threshold, p.ShareBelow, p.AverageRank, p.ProportionMostDeprivedTenth, p.Extent, p.LocalConcentration,
            ];
            for (var k = 0; k < measures.Length; k++)
            {
                if (measures[k] is { } v)
                {
                    record.Number(4 + k, v);
                }
            }

            record.Text(4 + measures.Length, p.Note ?? "");
        }
    }
}
