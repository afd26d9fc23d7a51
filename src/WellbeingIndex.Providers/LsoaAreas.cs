using System.Collections;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Geography;

namespace WellbeingIndex.Providers;

/// <summary>
/// The areas of a small-area framework: every 2021 LSOA in England (33,755), with its ONS name, read from the LSOA
/// lookup in the data directory on first use rather than embedded (an areas resource <c>{"from": "lsoa2021"}</c>).
/// </summary>
public sealed class LsoaAreas : IReadOnlyList<Area>
{
    private readonly Lazy<Area[]> _areas;

    /// <param name="context">Gives the data directory when first needed.</param>
    public LsoaAreas(Func<ProviderContext> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _areas = new Lazy<Area[]>(() => LsoaLookup.For(context()).All(LsoaVintage.Lsoa2021).Select(p => new Area(p.LsoaCode, p.LsoaName)).ToArray());
    }

    /// <exception cref="IndicatorDataException">The lookup file is missing or malformed.</exception>
    public int Count => _areas.Value.Length;

    public Area this[int index] => _areas.Value[index];

    public IEnumerator<Area> GetEnumerator() => ((IEnumerable<Area>)_areas.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
