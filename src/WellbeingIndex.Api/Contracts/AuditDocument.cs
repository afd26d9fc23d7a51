using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Analysis;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// <c>POST /api/frameworks/{id}/audit</c>: the tables <c>wellbeing audit</c> writes (stats.csv, correlations.csv,
/// cronbach.csv, pca.csv, effective_weights.csv) as JSON, computed by the engine's <see cref="AuditResult"/>.
/// Undefined statistics (a column with no value, a constant column's correlation) are null.
/// </summary>
/// <param name="FrameworkId">The framework audited.</param>
/// <param name="Period">The period computed.</param>
/// <param name="WhatIf">True when the request changed the definition before the audit.</param>
/// <param name="AreaCount">Areas computed.</param>
/// <param name="Statistics">Per indicator and table (raw, and the table the normaliser saw): COINr's get_stats.</param>
/// <param name="Correlations">Pearson and Spearman: indicator pairs within each group and every node with its parent (get_corr).</param>
/// <param name="Cronbach">Each aggregate's alpha over its children (get_cronbach).</param>
/// <param name="Pca">First principal component of each group's children and the weights it implies (get_PCA).</param>
/// <param name="EffectiveWeights">Each node's weight within its parent and in the index (get_eff_weights).</param>
public sealed record AuditDocument(string FrameworkId, ReferencePeriod Period, bool WhatIf, int AreaCount,
    IReadOnlyList<AuditDocument.StatisticRow> Statistics, IReadOnlyList<AuditDocument.CorrelationRow> Correlations,
    IReadOnlyList<AuditDocument.AlphaRow> Cronbach, IReadOnlyList<AuditDocument.PcaRow> Pca, IReadOnlyList<AuditDocument.WeightRow> EffectiveWeights)
{
    /// <summary>The API's form of <paramref name="audit"/>, NaN as null.</summary>
    public static AuditDocument From(string frameworkId, ReferencePeriod period, bool whatIf, int areaCount, AuditResult audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return new AuditDocument(frameworkId, period, whatIf, areaCount,
            audit.Statistics.Select(s => new StatisticRow(s.Table, s.Code, s.Units, s.Present, F(s.Availability), F(s.Min), F(s.Max), F(s.Mean), F(s.Median),
                F(s.Sd), F(s.Skewness), F(s.Kurtosis), s.NonZero, s.Unique, s.FlagAvailability, s.FlagNonZero, s.FlagUnique, s.FlagSkewKurt)).ToList(),
            audit.Correlations.Select(c => new CorrelationRow(c.A, c.B, c.Method, F(c.R))).ToList(),
            audit.Cronbach.Select(c => new AlphaRow(c.Key, F(c.Value))).ToList(),
            audit.Pca.Select(p => new PcaRow(p.Group, p.Code, F(p.Loading), F(p.VarianceShare), F(p.Weight))).ToList(),
            audit.EffectiveWeights.Select(w => new WeightRow(w.Code, w.Level, F(w.Weight), F(w.Effective))).ToList());
    }

    private static double? F(double v) => double.IsFinite(v) ? v : null;

    /// <summary>One row of stats.csv.</summary>
    public sealed record StatisticRow(string Table, string Code, int Units, int Present, double? Availability, double? Min, double? Max, double? Mean,
        double? Median, double? Sd, double? Skewness, double? Kurtosis, int NonZero, int Unique, string FlagAvailability, string FlagNonZero,
        string FlagUnique, string FlagSkewKurt);

    /// <summary>One row of correlations.csv: <see cref="Method"/> is pearson or spearman.</summary>
    public sealed record CorrelationRow(string A, string B, string Method, double? R);

    /// <summary>One row of cronbach.csv.</summary>
    public sealed record AlphaRow(string Node, double? Alpha);

    /// <summary>One row of pca.csv.</summary>
    public sealed record PcaRow(string Group, string Code, double? Loading, double? VarianceShare, double? Weight);

    /// <summary>One row of effective_weights.csv.</summary>
    public sealed record WeightRow(string Code, int Level, double? Weight, double? Effective);
}
