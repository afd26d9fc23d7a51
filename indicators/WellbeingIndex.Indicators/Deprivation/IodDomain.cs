namespace WellbeingIndex.Indicators.Deprivation;

/// <summary>
/// One of the IMD and its seven domains in the English Indices of Deprivation 2025, with the key the LSOA file uses,
/// the short id used in provider ids (<c>iod2025-&lt;Id&gt;-score|rank|decile</c>) and its IMD weight.
/// </summary>
/// <param name="Key">The <c>domain</c> value in <c>mhclg_iod2025_lsoa21_domains.csv</c>.</param>
/// <param name="Id">The short id in provider ids.</param>
/// <param name="Name">The domain's published name.</param>
/// <param name="Weight">Its weight in the IMD (0 for the IMD itself).</param>
/// <param name="ScoreUnit">What its score is.</param>
public sealed record IodDomain(string Key, string Id, string Name, double Weight, string ScoreUnit)
{
    public static readonly IodDomain Imd = new("imd", "imd", "Index of Multiple Deprivation", 0, "IMD score (weighted sum of exponentially transformed domain ranks, 0-100 scale per domain)");
    public static readonly IodDomain Income = new("income", "income", "Income Deprivation", 0.225, "proportion of the population income-deprived (0.013 = 1.3%)");
    public static readonly IodDomain Employment = new("employment", "employment", "Employment Deprivation", 0.225, "proportion of the working-age population employment-deprived");
    public static readonly IodDomain Education = new("education_skills_training", "education", "Education, Skills and Training Deprivation", 0.135, "domain score");
    public static readonly IodDomain Health = new("health_deprivation_disability", "health", "Health Deprivation and Disability", 0.135, "domain score (standardised; higher is more deprived)");
    public static readonly IodDomain Crime = new("crime", "crime", "Crime", 0.093, "domain score (standardised; higher is more deprived)");
    public static readonly IodDomain Barriers = new("barriers_housing_services", "barriers", "Barriers to Housing and Services", 0.093, "domain score");
    public static readonly IodDomain LivingEnvironment = new("living_environment", "living-environment", "Living Environment Deprivation", 0.093, "domain score");

    /// <summary>The IMD, then the seven domains in the published order.</summary>
    public static IReadOnlyList<IodDomain> All { get; } = [Imd, Income, Employment, Education, Health, Crime, Barriers, LivingEnvironment];
}
