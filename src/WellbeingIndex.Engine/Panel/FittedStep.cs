using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Panel;

/// <summary>The parameters one step fitted for one indicator on the pooled or base data, applied to every period.</summary>
public sealed record FittedStep(string Step, string Indicator, FittedParameters Parameters);
