using WellbeingIndex.Delimited;
using System.Globalization;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Providers;
using Xunit.Abstractions;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Published;

/// <summary>
/// The IoD local-authority summary measures computed from the rebuilt IMD 2025 (framework imd2025) with Census 2021
/// LSOA populations, against MHCLG's File 10 for the 296 districts (2024 boundaries). MHCLG weights by its own
/// population denominators (not in the data), so the population-weighted measures agree closely but not exactly; the
/// proportion of LSOAs in the most deprived tenth needs no population and agrees to the published 4 decimals.
/// </summary>
public class Iod2025SummariesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task District_summaries_against_the_published_File_10()
    {
        var runner = new FrameworkRunner(ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]), SystemClock.Instance);
        var run = await runner.ComputeAsync(FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly, data: Context).Get("imd2025"), Year(2025));
        // The polarity comes from imd2025.json ("higherIsWorse": true), as the publisher's roll-ups take it.
        Assert.True(run.Result.Definition.HigherIsWorse);
        var rollup = PlaceRollup.Compute(run, "imd", PlaceLevel.LocalAuthority, Context, run.Result.Definition.HigherIsWorse);
        Assert.Equal(296, rollup.Places.Count);

        var published = ReadPublished();
        var ours = rollup.Places.ToDictionary(p => p.Place);
        Assert.True(published.Keys.ToHashSet().SetEquals(ours.Keys), "the lookup's 2021-LSOA districts are the 296 ltla24 codes");

        string Stats(string name, Func<Iod, double> theirs, Func<Engine.Inequality.PlaceSummary, double> mine, out double max)
        {
            var d = published.Select(kv => Math.Abs(theirs(kv.Value) - mine(ours[kv.Key]))).Order().ToArray();
            max = d[^1];
            var rho = Spearman(published.Keys.Select(k => theirs(published[k])).ToArray(), published.Keys.Select(k => mine(ours[k])).ToArray());
            return string.Create(CultureInfo.InvariantCulture, $"{name}: median |diff| {d[d.Length / 2]:G4}, 90th pct {d[(int)(0.9 * d.Length)]:G4}, max {max:G4}; Spearman {rho:F5}");
        }

        var lines = new[]
        {
            Stats("average score", p => p.AverageScore, p => p.Mean, out var score),
            Stats("average rank", p => p.AverageRank, p => p.AverageRank, out var rank),
            Stats("proportion in most deprived 10%", p => p.Proportion, p => p.ProportionMostDeprivedTenth, out var proportion),
            Stats("extent", p => p.Extent, p => p.Extent, out var extent),
            Stats("local concentration", p => p.LocalConcentration, p => p.LocalConcentration, out var concentration),
        };
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        // Published to 4 decimals and population-free: equal up to rounding.
        Assert.True(proportion <= 0.00005 + 1e-12, lines[2]);
        // Population-weighted: bounded by the different denominators (measured: average score max 0.34 on a 0-100ish
        // scale, extent max 0.009, average rank max 371 and local concentration max 169 of 33,755).
        Assert.True(score < 0.5, lines[0]);
        Assert.True(extent < 0.01, lines[3]);
        Assert.True(rank < 500, lines[1]);
        Assert.True(concentration < 250, lines[4]);
    }

    private sealed record Iod(double AverageScore, double AverageRank, double Proportion, double Extent, double LocalConcentration);

    private static Dictionary<string, Iod> ReadPublished()
    {
        using var reader = new ProviderContext(Context.DataDirectory).OpenText("test", "mhclg_iod2025_lad24_summaries.csv");
        using var csv = CsvRecordReader.Open(reader);
        int Col(string name) => csv.IndexOf(name) is var i and >= 0 ? i : throw new InvalidOperationException(name);
        var result = new Dictionary<string, Iod>(StringComparer.Ordinal);
        while (csv.Read())
        {
            double Num(string name) => double.Parse(csv.Text(Col(name)), CultureInfo.InvariantCulture);
            result[csv.Text(Col("ltla24_code"))] = new Iod(Num("imd_average_score"), Num("imd_average_rank"),
                Num("imd_proportion_of_lso_as_in_most_deprived_10_percent_nationally"), Num("imd25_extent"), Num("imd25_local_concentration"));
        }

        return result;
    }

    private static double Spearman(double[] a, double[] b)
    {
        static double[] Ranks(double[] x)
        {
            var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
            var r = new double[x.Length];
            for (var k = 0; k < order.Length;)
            {
                var j = k;
                while (j + 1 < order.Length && x[order[j + 1]] == x[order[k]]) j++;
                for (var m = k; m <= j; m++) r[order[m]] = (k + j) / 2.0 + 1;
                k = j + 1;
            }

            return r;
        }

        var (ra, rb) = (Ranks(a), Ranks(b));
        double ma = ra.Average(), mb = rb.Average(), num = 0, da = 0, db = 0;
        for (var i = 0; i < ra.Length; i++)
        {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }

        return num / Math.Sqrt(da * db);
    }
}
