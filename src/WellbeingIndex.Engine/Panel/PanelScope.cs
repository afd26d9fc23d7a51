using System.Collections.Concurrent;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Panel;

/// <summary>
/// How the single-period pipeline runs over a panel stacked period by period: cross-sectional imputation stays within
/// each period (as COINr imputes each data set of a purse), while treatment and normalisation are fitted on the fit
/// rows (every row when pooled, the base period's rows for base-period) and applied to every row.
/// </summary>
internal sealed class PanelScope
{
    private readonly int[] _starts;
    private readonly ColumnContext[] _periodContexts;
    private readonly int[] _fitRows;
    private readonly double[]? _fitWeights;
    private readonly ColumnContext _fitContext;

    /// <param name="starts">First row of each period, plus the row count at the end.</param>
    /// <param name="periodContexts">Each period's own rows (area codes, groups), for cross-sectional imputation.</param>
    /// <param name="fitRows">The rows parameters are fitted on.</param>
    /// <param name="fitWeights">Optional weight per fit row for the normalisers' weighted statistics.</param>
    /// <param name="fitContext">The fit rows' area codes, for messages.</param>
    public PanelScope(int[] starts, ColumnContext[] periodContexts, int[] fitRows, double[]? fitWeights, ColumnContext fitContext)
    {
        _starts = starts;
        _periodContexts = periodContexts;
        _fitRows = fitRows;
        _fitWeights = fitWeights;
        _fitContext = fitContext;
    }

    /// <summary>(step, indicator) → the parameters fitted, for the result's report.</summary>
    public ConcurrentDictionary<(string Step, string Indicator), FittedParameters> Fits { get; } = new();

    public int Impute(IImputer imputer, double[] column, MethodSpec spec, ColumnContext context)
    {
        var filled = 0;
        for (var p = 0; p < _periodContexts.Length; p++)
        {
            var slice = column.AsSpan(_starts[p], _starts[p + 1] - _starts[p]);
            filled += imputer.Impute(slice, spec, _periodContexts[p].ForIndicator(context.IndicatorCode, context.Direction));
        }

        return filled;
    }

    public TreatmentOutcome Treat(ITreatment treatment, double[] column, MethodSpec spec, ColumnContext context)
    {
        var fit = treatment.Fit(Gather(column), spec, _fitContext.ForIndicator(context.IndicatorCode, context.Direction));
        Fits[(StepNames.Treat, context.IndicatorCode)] = fit;
        return treatment.Apply(fit, column, spec, context);
    }

    public void Normalise(INormaliser normaliser, double[] column, MethodSpec spec, ColumnContext context)
    {
        var fit = normaliser.Fit(Gather(column), _fitWeights, spec, _fitContext.ForIndicator(context.IndicatorCode, context.Direction));
        Fits[(StepNames.Normalise, context.IndicatorCode)] = fit;
        normaliser.Apply(fit, column, column, spec, context);
    }

    private double[] Gather(double[] column)
    {
        if (_fitRows.Length == column.Length)
        {
            return column;   // pooled: every row, in order; fitting only reads
        }

        var reference = new double[_fitRows.Length];
        for (var i = 0; i < _fitRows.Length; i++)
        {
            reference[i] = column[_fitRows[i]];
        }

        return reference;
    }
}
