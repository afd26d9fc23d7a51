namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// Two local authorities a publisher reports as one unit because the smaller is too small to estimate on its own
/// (City of London with Hackney; Isles of Scilly with Cornwall). The combined value is given to the larger member with
/// a reason saying it is for the combined unit, and never to the smaller member, which gets NotAvailable naming it.
/// </summary>
/// <param name="Larger">GSS code of the member that holds almost all the population (Hackney, Cornwall).</param>
/// <param name="LargerName">Its name.</param>
/// <param name="Smaller">GSS code of the small member (City of London, Isles of Scilly).</param>
/// <param name="SmallerName">Its name.</param>
public sealed record CombinedUnit(string Larger, string LargerName, string Smaller, string SmallerName)
{
    /// <summary>Hackney (E09000012) with the City of London (E09000001).</summary>
    public static CombinedUnit HackneyAndCityOfLondon { get; } = new("E09000012", "Hackney", "E09000001", "City of London");

    /// <summary>Cornwall (E06000052) with the Isles of Scilly (E06000053).</summary>
    public static CombinedUnit CornwallAndIslesOfScilly { get; } = new("E06000052", "Cornwall", "E06000053", "Isles of Scilly");
}
