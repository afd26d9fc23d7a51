namespace WellbeingIndex.Indicators.Geography;

/// <summary>Where one LSOA sits: its local authority and region, as DESNZ's fuel-poverty LSOA table gives them.</summary>
/// <param name="LsoaCode">GSS code (E01…).</param>
/// <param name="LsoaName">ONS name, e.g. "City of London 001A".</param>
/// <param name="Vintage">The boundary set the code belongs to.</param>
/// <param name="LaCode">Local authority district (E06/E07/E08/E09): 2024 boundaries for 2021 LSOAs (the 296 LADs of the
/// IoD 2025 summaries), 2020 boundaries (326 LADs) for 2011 LSOAs.</param>
/// <param name="LaName">Local authority name as DESNZ spells it.</param>
/// <param name="RegionCode">Region (E12…).</param>
/// <param name="RegionName">Region name as DESNZ spells it.</param>
public sealed record LsoaPlace(string LsoaCode, string LsoaName, LsoaVintage Vintage, string LaCode, string LaName, string RegionCode, string RegionName);
