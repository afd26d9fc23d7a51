namespace WellbeingIndex.Indicators.Geography;

/// <summary>
/// The LSOA boundary set a code belongs to. ONS redrew LSOAs for the 2021 Census; most codes survive unchanged, but a
/// split or merged LSOA has a new code, so a lookup or a population must say which set it means.
/// </summary>
public enum LsoaVintage
{
    /// <summary>2011 LSOAs (32,844 in England): DESNZ fuel poverty 2019–2020, ONS mid-year estimates to mid-2020.</summary>
    Lsoa2011,
    /// <summary>2021 LSOAs (33,755 in England): Census 2021, IoD 2025, DESNZ fuel poverty 2021–2022.</summary>
    Lsoa2021,
}
