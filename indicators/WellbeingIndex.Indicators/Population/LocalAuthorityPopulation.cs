using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Geography;

namespace WellbeingIndex.Indicators.Population;

/// <summary>A local authority's resident population, summed from its LSOAs, with how it was obtained.</summary>
/// <param name="LaCode">The district's GSS code.</param>
/// <param name="Persons">Residents (sum over the district's LSOAs; Census cells carry ONS disclosure perturbation).</param>
/// <param name="Period">The population's own date: 30 June of a mid-year estimate, or Census day 2021.</param>
/// <param name="Vintage">The LSOA boundary set summed over.</param>
/// <param name="LsoaCount">How many LSOAs were summed.</param>
/// <param name="Method">One sentence naming the source, the LSOA vintage and the district boundaries.</param>
public sealed record LocalAuthorityPopulation(string LaCode, double Persons, ReferencePeriod Period, LsoaVintage Vintage, int LsoaCount, string Method);
