using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Deprivation;

// One public class per IoD 2025 domain and measure: discovery finds providers by class (see IodLsoaProvider for the id scheme).

/// <summary>IoD 2025 Imd score by LSOA.</summary>
public sealed class IodImdScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Imd, IodMeasure.Score);

/// <summary>IoD 2025 Imd rank by LSOA.</summary>
public sealed class IodImdRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Imd, IodMeasure.Rank);

/// <summary>IoD 2025 Imd decile by LSOA.</summary>
public sealed class IodImdDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Imd, IodMeasure.Decile);

/// <summary>IoD 2025 Income score by LSOA.</summary>
public sealed class IodIncomeScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Income, IodMeasure.Score);

/// <summary>IoD 2025 Income rank by LSOA.</summary>
public sealed class IodIncomeRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Income, IodMeasure.Rank);

/// <summary>IoD 2025 Income decile by LSOA.</summary>
public sealed class IodIncomeDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Income, IodMeasure.Decile);

/// <summary>IoD 2025 Employment score by LSOA.</summary>
public sealed class IodEmploymentScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Employment, IodMeasure.Score);

/// <summary>IoD 2025 Employment rank by LSOA.</summary>
public sealed class IodEmploymentRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Employment, IodMeasure.Rank);

/// <summary>IoD 2025 Employment decile by LSOA.</summary>
public sealed class IodEmploymentDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Employment, IodMeasure.Decile);

/// <summary>IoD 2025 Education score by LSOA.</summary>
public sealed class IodEducationScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Education, IodMeasure.Score);

/// <summary>IoD 2025 Education rank by LSOA.</summary>
public sealed class IodEducationRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Education, IodMeasure.Rank);

/// <summary>IoD 2025 Education decile by LSOA.</summary>
public sealed class IodEducationDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Education, IodMeasure.Decile);

/// <summary>IoD 2025 Health score by LSOA.</summary>
public sealed class IodHealthScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Health, IodMeasure.Score);

/// <summary>IoD 2025 Health rank by LSOA.</summary>
public sealed class IodHealthRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Health, IodMeasure.Rank);

/// <summary>IoD 2025 Health decile by LSOA.</summary>
public sealed class IodHealthDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Health, IodMeasure.Decile);

/// <summary>IoD 2025 Crime score by LSOA.</summary>
public sealed class IodCrimeScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Crime, IodMeasure.Score);

/// <summary>IoD 2025 Crime rank by LSOA.</summary>
public sealed class IodCrimeRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Crime, IodMeasure.Rank);

/// <summary>IoD 2025 Crime decile by LSOA.</summary>
public sealed class IodCrimeDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Crime, IodMeasure.Decile);

/// <summary>IoD 2025 Barriers score by LSOA.</summary>
public sealed class IodBarriersScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Barriers, IodMeasure.Score);

/// <summary>IoD 2025 Barriers rank by LSOA.</summary>
public sealed class IodBarriersRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Barriers, IodMeasure.Rank);

/// <summary>IoD 2025 Barriers decile by LSOA.</summary>
public sealed class IodBarriersDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.Barriers, IodMeasure.Decile);

/// <summary>IoD 2025 LivingEnvironment score by LSOA.</summary>
public sealed class IodLivingEnvironmentScoreProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.LivingEnvironment, IodMeasure.Score);

/// <summary>IoD 2025 LivingEnvironment rank by LSOA.</summary>
public sealed class IodLivingEnvironmentRankProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.LivingEnvironment, IodMeasure.Rank);

/// <summary>IoD 2025 LivingEnvironment decile by LSOA.</summary>
public sealed class IodLivingEnvironmentDecileProvider(ProviderContext context) : IodLsoaProvider(context, IodDomain.LivingEnvironment, IodMeasure.Decile);
