using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;

namespace WellbeingIndex.Engine.Tests.Panel;

/// <summary>
/// COINr's panel example, ASEM_iData_p (51 units × 2018–2022), with COINr's documented rules. The expected figures are
/// taken straight from the CSV in the test (its own little reader), never from the engine.
/// </summary>
public class AsemPanelTests
{
    private static readonly string Folder = CoinrData.Folder;
    private static readonly StepDefinition[] Steps =
    [
        new(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 0), ("u", 100))),
        new(StepNames.Aggregate, new MethodSpec("amean")),
    ];

    private static (PanelData Data, IndexDefinition Definition) Read() =>
        CoinrInput.ReadPanel(Path.Combine(Folder, "ASEM_iData_p.csv"), Path.Combine(Folder, "ASEM_iMeta.csv"), Steps);

    /// <summary>(uCode, Time) → value of <paramref name="column"/>, NaN for an empty cell, read without the engine.</summary>
    private static Dictionary<(string Unit, int Time), double> Column(string column)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "ASEM_iData_p.csv"));
        var header = Split(lines[0]);
        int u = Array.IndexOf(header, "uCode"), t = Array.IndexOf(header, "Time"), c = Array.IndexOf(header, column);
        return lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToDictionary(
            f => (f[u], int.Parse(f[t], CultureInfo.InvariantCulture)),
            f => f[c].Length == 0 ? double.NaN : double.Parse(f[c], CultureInfo.InvariantCulture));
    }

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }

        fields.Add(current.ToString());
        return [.. fields];
    }

    private static double Score(PanelResult r, int year, string unit, string node)
    {
        var result = r[ReferencePeriod.ForCalendarYear(year)];
        return result[node].Scores[result.Input.IndexOfArea(unit)];
    }

    [Fact]
    public void Reads_51_units_over_five_years()
    {
        var (data, definition) = Read();
        Assert.Equal(["2018", "2019", "2020", "2021", "2022"], data.Periods.Select(p => p.ToString()));
        Assert.All(Enumerable.Range(0, 5), p => Assert.Equal(51, data[p].AreaCount));
        Assert.Equal(49, definition.Indicators.Length);
    }

    [Fact]
    public void Pooled_min_max_uses_every_unit_and_year()
    {
        var (data, definition) = Read();
        var r = PanelPipeline.Run(definition, data, new PanelOptions(TimeDefinition.Pooled));

        // COINr Normalise(global = TRUE): min and max of LPI over all 255 unit-years, applied to each year.
        var lpi = Column("LPI");
        var (min, max) = (lpi.Values.Where(v => !double.IsNaN(v)).Min(), lpi.Values.Where(v => !double.IsNaN(v)).Max());
        foreach (var (unit, year) in new[] { ("AUT", 2018), ("AUT", 2022), ("CHN", 2020), ("NZL", 2021) })
        {
            Assert.Equal((lpi[(unit, year)] - min) / (max - min) * 100, Score(r, year, unit, "LPI"), 1e-9);
        }

        // Tariff is lower-is-better: on v = −x the pooled score is (max x − x)/(max x − min x)·100.
        var tariff = Column("Tariff");
        var present = tariff.Values.Where(v => !double.IsNaN(v)).ToList();
        Assert.Equal((present.Max() - tariff[("BEL", 2019)]) / (present.Max() - present.Min()) * 100, Score(r, 2019, "BEL", "Tariff"), 1e-9);
    }

    [Fact]
    public void Per_period_min_max_uses_each_year_alone()
    {
        var (data, definition) = Read();
        var r = PanelPipeline.Run(definition, data, new PanelOptions(TimeDefinition.PerPeriod));

        var lpi = Column("LPI");
        var y2021 = lpi.Where(kv => kv.Key.Time == 2021 && !double.IsNaN(kv.Value)).Select(kv => kv.Value).ToList();
        Assert.Equal((lpi[("AUT", 2021)] - y2021.Min()) / (y2021.Max() - y2021.Min()) * 100, Score(r, 2021, "AUT", "LPI"), 1e-9);
    }

    [Fact]
    public void Base_period_min_max_fixes_2018_and_lets_later_years_leave_the_range()
    {
        var (data, definition) = Read();
        var r = PanelPipeline.Run(definition, data, new PanelOptions(new TimeDefinition(TimeMode.BasePeriod, "2018")));

        var lpi = Column("LPI");
        var base2018 = lpi.Where(kv => kv.Key.Time == 2018 && !double.IsNaN(kv.Value)).Select(kv => kv.Value).ToList();
        var (min, max) = (base2018.Min(), base2018.Max());
        Assert.Equal((lpi[("AUT", 2022)] - min) / (max - min) * 100, Score(r, 2022, "AUT", "LPI"), 1e-9);
        // Some 2019–2022 LPI lies outside the 2018 range, and its score outside 0–100 (no truncation).
        var outside = lpi.Where(kv => kv.Key.Time > 2018 && (kv.Value > max || kv.Value < min)).Select(kv => kv.Key).First();
        var s = Score(r, outside.Time, outside.Unit, "LPI");
        Assert.True(s is > 100 or < 0, $"{outside}: {s}");
    }

    [Fact]
    public void Panel_imputation_leaves_units_without_any_observation_missing()
    {
        var (data, definition) = Read();
        // Every missing indicator cell of ASEM_iData_p belongs to a unit with no value for that indicator in any year.
        var gaps = definition.Indicators.Select(i => Column(i.Code))
            .SelectMany(c => c.GroupBy(kv => kv.Key.Unit).Where(g => g.Any(kv => double.IsNaN(kv.Value))))
            .ToList();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.All(g, kv => Assert.True(double.IsNaN(kv.Value))));

        foreach (var method in PanelImputation.Methods)
        {
            var r = PanelPipeline.Run(definition, data, new PanelOptions(TimeDefinition.Pooled, new MethodSpec(method)));
            Assert.Empty(r.Imputed);
        }
    }
}
