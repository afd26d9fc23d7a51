namespace WellbeingIndex.Abstractions;

/// <summary>
/// The publisher's 95% confidence interval around a survey or modelled estimate, kept beside the value so a user can
/// see when two areas' values are not distinguishable.
/// </summary>
/// <param name="Lower">Lower bound of the 95% interval, in the indicator's unit.</param>
/// <param name="Upper">Upper bound of the 95% interval, in the indicator's unit.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper);
