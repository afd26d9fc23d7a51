using System.Collections.Immutable;
using System.Globalization;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Pipeline;

/// <summary>
/// The screen step, as COINr's <c>Screen()</c> (R/screen_units.R): a unit's availability is the share of its indicators
/// present in the table being screened and its non-zero share the share of present values that are not zero;
/// <c>unit_screen</c> <c>byNA</c> removes units with availability &lt; <c>dat_thresh</c> (default 2/3), <c>byzeros</c>
/// those with non-zero share &lt; <c>nonzero_thresh</c> (default 0.05), <c>byNAandzeros</c> either. <c>force_in</c> and
/// <c>force_out</c> (unit codes) override the rule, as COINr's <c>Force</c>. Removed units leave every table of the run.
/// </summary>
public static class Screening
{
    public const string ByNA = "byNA";
    public const string ByZeros = "byzeros";
    public const string ByNAAndZeros = "byNAandzeros";

    private static readonly string[] Rules = [ByNA, ByZeros, ByNAAndZeros];
    private static readonly HashSet<string> Numbers = ["dat_thresh", "nonzero_thresh"];
    private static readonly HashSet<string> Texts = ["unit_screen", "force_in", "force_out"];

    /// <summary>Every problem with a screen step's parameters, by parameter name.</summary>
    public static IEnumerable<ParameterProblem> Validate(MethodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Method != StepNames.Screen)
        {
            yield return new ParameterProblem("method", $"the screen step takes no method (use unit_screen), got '{spec.Method}'.");
        }

        foreach (var name in spec.Numbers.Keys.Where(k => !Numbers.Contains(k)).Concat(spec.Texts.Keys.Where(k => !Texts.Contains(k))))
        {
            yield return new ParameterProblem(name, $"unknown or mistyped parameter; the screen step takes unit_screen ({string.Join(", ", Rules)}), dat_thresh, nonzero_thresh (numbers 0-1), force_in, force_out (unit codes).");
        }

        foreach (var name in Numbers)
        {
            if (spec.NumberOrNull(name) is { } v && !(v is >= 0 and <= 1))
            {
                yield return new ParameterProblem(name, string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 1, got {v}."));
            }
        }

        if (spec.Text("unit_screen") is { } rule && !Rules.Contains(rule))
        {
            yield return new ParameterProblem("unit_screen", $"'{rule}' is not one of {string.Join(", ", Rules)}.");
        }

        var forcedIn = Codes(spec, "force_in");
        foreach (var code in Codes(spec, "force_out").Where(forcedIn.Contains))
        {
            yield return new ParameterProblem("force_out", $"'{code}' is also in force_in.");
        }
    }

    /// <summary>The unit codes listed in a force parameter (stored comma-separated).</summary>
    public static ImmutableArray<string> Codes(MethodSpec spec, string parameter) =>
        spec.Text(parameter) is { } t ? [.. t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];

    /// <summary>Screens the rows of <paramref name="columns"/> (one array per indicator); forced codes must exist.</summary>
    public static ScreenOutcome Apply(MethodSpec spec, IReadOnlyList<double[]> columns, IReadOnlyList<string> areaCodes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(areaCodes);
        var rule = spec.Text("unit_screen") ?? ByNA;
        var datThresh = spec.Number("dat_thresh", 2.0 / 3);
        var nonzeroThresh = spec.Number("nonzero_thresh", 0.05);
        var n = areaCodes.Count;
        var missing = new int[n];
        var zeros = new int[n];
        foreach (var column in columns)
        {
            for (var i = 0; i < n; i++)
            {
                var v = column[i];
                if (double.IsNaN(v)) missing[i]++;
                else if (v == 0) zeros[i]++;
            }
        }

        var availability = new double[n];
        var nonZero = new double[n];
        var included = new bool[n];
        for (var i = 0; i < n; i++)
        {
            // COINr: Dat_Avail = 1 − NAs/ncol; Non_Zero = 1 − zeros/(ncol − NAs) (NaN when nothing is present, which is never < a threshold).
            availability[i] = 1 - (double)missing[i] / columns.Count;
            nonZero[i] = 1 - (double)zeros[i] / (columns.Count - missing[i]);
            var lowData = availability[i] < datThresh;
            var lowNonZero = nonZero[i] < nonzeroThresh;
            included[i] = rule switch
            {
                ByNA => !lowData,
                ByZeros => !lowNonZero,
                _ => !(lowData || lowNonZero),
            };
        }

        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++) index[areaCodes[i]] = i;
        foreach (var (parameter, include) in new[] { ("force_in", true), ("force_out", false) })
        {
            foreach (var code in Codes(spec, parameter))
            {
                if (!index.TryGetValue(code, out var i))
                {
                    throw new IndexComputationException($"screen {parameter}: there is no unit '{code}' in the data.");
                }

                included[i] = include;
            }
        }

        var kept = Enumerable.Range(0, n).Where(i => included[i]).ToImmutableArray();
        if (kept.IsEmpty)
        {
            throw new IndexComputationException($"screen ({rule}) removed every unit: no unit reaches the thresholds.");
        }

        var removed = Enumerable.Range(0, n).Where(i => !included[i]).Select(i => areaCodes[i]).ToImmutableArray();
        return new ScreenOutcome(kept, removed,
            Enumerable.Range(0, n).ToImmutableDictionary(i => areaCodes[i], i => availability[i], StringComparer.Ordinal),
            Enumerable.Range(0, n).ToImmutableDictionary(i => areaCodes[i], i => nonZero[i], StringComparer.Ordinal));
    }
}

/// <summary>What a screen step kept and removed, with every unit's availability and non-zero share as screened.</summary>
/// <param name="KeptRows">Rows (of the table screened) kept, ascending.</param>
/// <param name="RemovedUnits">Codes of the units removed, in row order (COINr's <c>RemovedUnits</c>).</param>
/// <param name="Availability">Unit code → share of indicators present (COINr's <c>Dat_Avail</c>).</param>
/// <param name="NonZeroShare">Unit code → share of present values that are not zero (COINr's <c>Non_Zero</c>; NaN when none is present).</param>
public sealed record ScreenOutcome(ImmutableArray<int> KeptRows, ImmutableArray<string> RemovedUnits,
    ImmutableDictionary<string, double> Availability, ImmutableDictionary<string, double> NonZeroShare);
