using System.Globalization;
using NodaTime;
using NodaTime.Text;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// Base for the files reshaped from ONS "Explore local statistics" (ELS), which share one layout: <c>area_code,
/// area_name, geography_type, period, period_iso, measure, value, unit, lci_95, uci_95, flag, source_note</c>. A
/// subclass names the file and the <c>measure</c> it keeps; this class reads the period from <c>period_iso</c> (an ISO 8601
/// interval: <c>2011-04-01/P1Y</c> is financial year 2011/12, <c>2020-01-01/P3Y</c> the pooled years 2020-2022,
/// <c>2015-11-16/P1Y</c> twelve months from 16 November), keeps the 95% interval, and turns the publisher's flags into
/// statuses: <c>u_suppressed_low_reliability</c> → Suppressed, <c>x_not_available</c> → NotAvailable (dated),
/// <c>unreliable_small_sample_3_9</c> → Unreliable (value kept), and a value flagged as published for a combined unit
/// (<see cref="CombinedUnit"/>) → given to the larger member with a reason saying so, NotAvailable for the smaller.
/// </summary>
public abstract class ElsSeriesProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    private static readonly Dictionary<string, CombinedUnit> CombinedFlags = new(StringComparer.Ordinal)
    {
        ["value_for_hackney_and_city_of_london_combined"] = CombinedUnit.HackneyAndCityOfLondon,
        ["value_for_cornwall_and_isles_of_scilly_combined"] = CombinedUnit.CornwallAndIslesOfScilly,
    };

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>The value of the <c>measure</c> column this provider keeps; other rows are skipped.</summary>
    protected abstract string Measure { get; }

    /// <summary>Short publisher name that starts each reason (for example "ONS", "OHID").</summary>
    protected abstract string Source { get; }

    /// <summary>
    /// Area codes whose rows are, by the publisher's documentation though not flagged in the file, for a combined unit
    /// (ONS health state life expectancies: Hackney's rows include the City of London). Empty by default.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, CombinedUnit> UnflaggedCombinedRows { get; } = new Dictionary<string, CombinedUnit>();

    protected sealed override void Read(CsvReader csv, SeriesTable.Builder table)
    {
        int area = csv.Column("area_code"), name = csv.Column("area_name"), iso = csv.Column("period_iso"),
            measure = csv.Column("measure"), value = csv.Column("value"), lci = csv.Column("lci_95"), uci = csv.Column("uci_95"),
            flag = csv.Column("flag"), note = csv.Column("source_note");
        foreach (var r in csv.Records())
        {
            if (!string.Equals(r[measure].Trim(), Measure, StringComparison.Ordinal))
            {
                continue;
            }

            var code = r[area].Trim();
            var period = Period(csv, r, iso);
            var flagText = r[flag].Trim();
            var hasValue = r[value].Trim().Length > 0;
            CombinedFlags.TryGetValue(flagText, out var combined);
            if (combined is null && flagText.Length == 0)
            {
                UnflaggedCombinedRows.TryGetValue(code, out combined);
            }

            if (hasValue != (flagText.Length == 0 || combined is not null || flagText == "unreliable_small_sample_3_9"))
            {
                throw csv.Error(hasValue
                    ? $"flag '{flagText}' on a row that has a value ('{r[value]}')."
                    : $"blank value with flag '{flagText}', which needs one.", r.Line);
            }

            var observation = flagText switch
            {
                "" => Observation.Ok(period, csv.Number(r, value)),
                "u_suppressed_low_reliability" => new(period, null, ValueStatus.Suppressed,
                    $"{Source}: estimate withheld as unreliable ('u', sample too small)."),
                "x_not_available" => new(period, null, ValueStatus.NotAvailable, $"{Source}: not available for this area and period ('x')."),
                "unreliable_small_sample_3_9" => new(period, csv.Number(r, value), ValueStatus.Unreliable,
                    $"{Source}: {(r[note].Trim().Length > 0 ? r[note].Trim() : "estimate unreliable, sample of 3-9")}."),
                _ when combined is not null => Observation.Ok(period, csv.Number(r, value)),
                _ => throw csv.Error(
                    $"unknown flag '{flagText}'; expected u_suppressed_low_reliability, x_not_available, unreliable_small_sample_3_9 or {string.Join(", ", CombinedFlags.Keys)}.",
                    r.Line),
            };
            observation = observation with { Interval = Interval(csv, r, lci, uci) };

            if (combined is null)
            {
                table.Add(code, observation, r.Line);
                continue;
            }

            var unit = code == combined.Larger ? combined.Larger : $"{code} \"{r[name].Trim()}\"";
            var forCombined = observation with
            {
                Reason = $"{Source} publishes {combined.LargerName} and {combined.SmallerName} as one unit ({unit}): this value is for the two combined.",
            };
            table.Add(code, forCombined, r.Line);
            if (code != combined.Larger)
            {
                table.Add(combined.Larger, forCombined, r.Line);
            }

            table.Add(combined.Smaller, new Observation(period, null, ValueStatus.NotAvailable, string.Create(CultureInfo.InvariantCulture,
                $"{Source} publishes {combined.SmallerName} only combined with {combined.LargerName} ({unit}, {observation.Value} for the two); the combined value is not assigned to {combined.SmallerName} alone.")),
                r.Line);
        }
    }

    private static ReferencePeriod Period(CsvReader csv, CsvRecord r, int column)
    {
        var text = r[column].Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash == 10 && IsoDate.Parse(text[..10]) is { Success: true } start && text.Length >= 14 && text[11] == 'P' && text[^1] == 'Y'
            && int.TryParse(text.AsSpan(12, text.Length - 13), NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years >= 1
            && start.Value.Year is >= 1800 and <= 9990)
        {
            if (years == 1)
            {
                return ReferencePeriod.ForTwelveMonthsFrom(start.Value);
            }

            if (start.Value is { Month: 1, Day: 1 })
            {
                return ReferencePeriod.ForCalendarYears(start.Value.Year, start.Value.Year + years - 1);
            }
        }

        throw csv.Error($"column 'period_iso' is '{r[column]}', not an interval such as 2011-04-01/P1Y or 2020-01-01/P3Y.", r.Line);
    }

    private static ConfidenceInterval? Interval(CsvReader csv, CsvRecord r, int lci, int uci)
    {
        var hasLower = r[lci].Trim().Length > 0;
        if (hasLower != r[uci].Trim().Length > 0)
        {
            throw csv.Error("only one of lci_95 and uci_95 is given.", r.Line);
        }

        return hasLower ? new ConfidenceInterval(csv.Number(r, lci), csv.Number(r, uci)) : null;
    }
}
