using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Inequality;
using WellbeingIndex.Indicators.Geography;
using WellbeingIndex.Indicators.Population;

namespace WellbeingIndex.Providers;

/// <summary>
/// A small-area framework's node rolled up to places, with the inequality within each: every 2021 LSOA of the run is
/// placed by the LSOA lookup and weighted by its Census 2021 population, and <see cref="PlaceSummaries"/> does the rest.
/// </summary>
/// <param name="FrameworkId">The framework run.</param>
/// <param name="Period">The run's period.</param>
/// <param name="Node">The node summarised.</param>
/// <param name="Level">The places.</param>
/// <param name="HigherIsWorse">Whether high scores were read as deprived (IoD measures).</param>
/// <param name="Weighting">What the weights are.</param>
/// <param name="Places">One summary per place, by code.</param>
/// <param name="Names">Place code → name.</param>
public sealed record PlaceRollup(string FrameworkId, ReferencePeriod Period, string Node, PlaceLevel Level, bool HigherIsWorse, string Weighting,
    IReadOnlyList<PlaceSummary> Places, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>What <see cref="Weighting"/> says: the population weights used.</summary>
    public const string PopulationWeighting = "Census 2021 usual residents (TS021) of each 2021 LSOA";

    /// <summary>
    /// Rolls <paramref name="node"/> of <paramref name="run"/> up to <paramref name="level"/>.
    /// </summary>
    /// <param name="run">A run of a small-area framework (its areas are 2021 LSOAs).</param>
    /// <param name="node">Any node of the framework (indicator, domain or the index).</param>
    /// <param name="level">Districts, regions or England.</param>
    /// <param name="data">The data directory (LSOA lookup and populations).</param>
    /// <param name="higherIsWorse">True for a deprivation index (imd2025); false for a wellbeing one.</param>
    /// <param name="threshold">For the share of people below it; null to skip.</param>
    /// <exception cref="ArgumentException">The node is not in the run, or an area is not a 2021 LSOA (naming it).</exception>
    public static PlaceRollup Compute(FrameworkRun run, string node, PlaceLevel level, ProviderContext data, bool higherIsWorse = false, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(data);
        var result = run.Result;
        if (result.Definition.Nodes.All(n => n.Code != node))
        {
            throw new ArgumentException($"No node '{node}' in framework '{run.Framework.Id}'. Nodes: {string.Join(", ", result.Definition.Nodes.Select(n => n.Code))}.", nameof(node));
        }

        var lookup = LsoaLookup.For(data);
        var population = LsoaPopulation.For(data);
        var codes = result.AreaCodes;
        var weights = new double[codes.Length];
        var places = new string?[codes.Length];
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [Regions.EnglandCode] = "England" };
        for (var i = 0; i < codes.Length; i++)
        {
            var place = lookup.Find(codes[i], LsoaVintage.Lsoa2021)
                ?? throw new ArgumentException($"Area '{codes[i]}' of framework '{run.Framework.Id}' is not a 2021 LSOA in England: roll-ups need a small-area framework.");
            weights[i] = population.Persons(codes[i], LsoaPopulation.CensusDay2021)
                ?? throw new IndicatorDataException("population-lsoa", $"LSOA '{codes[i]}' has no Census 2021 population.", LsoaPopulation.FileName);
            (places[i], var name) = level switch
            {
                PlaceLevel.LocalAuthority => (place.LaCode, place.LaName),
                PlaceLevel.Region => (place.RegionCode, place.RegionName),
                _ => (Regions.EnglandCode, "England"),
            };
            names[places[i]!] = name;
        }

        var summaries = PlaceSummaries.Compute(result[node].Scores, weights, places, higherIsWorse, threshold);
        return new PlaceRollup(run.Framework.Id, run.Period, node, level, higherIsWorse, PopulationWeighting, summaries, names);
    }
}
