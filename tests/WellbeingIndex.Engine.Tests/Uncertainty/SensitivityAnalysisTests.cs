using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using WellbeingIndex.Engine.Tests.Pipeline;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Engine.Tests.Uncertainty;

public class SensitivityAnalysisTests
{
    /// <summary>Min-max that counts its calls, to see which steps a sensitivity analysis reruns.</summary>
    private sealed class CountingMinMax : INormaliser
    {
        private readonly MinMaxNormaliser _inner = new();
        public int Calls;
        public string Name => "countingminmax";
        public string Description => "min-max, counted";
        public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => _inner.Validate(spec);

        public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context) =>
            _inner.Fit(reference, weights, spec, context);

        public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context) =>
            _inner.Apply(parameters, values, output, spec, context);

        public void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
        {
            Interlocked.Increment(ref Calls);
            ((INormaliser)_inner).Normalise(values, output, spec, context);
        }
    }

    [Fact]
    public void When_only_weights_vary_normalisation_runs_once_for_the_nominal_run_and_all_runs()
    {
        var counter = new CountingMinMax();
        var registry = MethodRegistry.Default.With(counter);
        var definition = Engine.Definition.IndexDefinition.Create("four", Examples.Nodes(),
            [new Engine.Definition.StepDefinition(StepNames.Normalise, new MethodSpec("countingminmax")), Examples.Mean()], registry: registry);
        var options = new SensitivityOptions { Inputs = UncertainInput.Parse("weights:0.25", definition), Runs = 200 };

        var result = SensitivityAnalysis.Run(definition, Examples.FourAreas(), options, registry: registry);

        // 3 indicators × the nominal run, whose normalised table all 200 runs share = 3 calls, not 603.
        Assert.Equal(3, counter.Calls);
        Assert.Equal(200, result.RunCount);
        Assert.Equal(["weights L1", "weights L2"], options.Inputs.Select(i => i.Name).ToArray());
    }

    [Fact]
    public void An_input_with_identical_alternatives_has_zero_indices()
    {
        var definition = Examples.Definition();
        var inputs = UncertainInput.Parse("weights:0.5", definition).Concat(UncertainInput.Parse("normalise:minmax,minmax", definition)).ToList();
        var result = SensitivityAnalysis.Run(definition, Examples.FourAreas(), new SensitivityOptions { Inputs = inputs, Runs = 100, Sobol = true, Bootstrap = 50 });

        Assert.Equal(100 * (3 + 2), result.RunCount);
        var normalise = result.Sobol.Single(s => s.Input == "normalise");
        // y_ABi = y_A exactly for every row (the swapped column changes nothing): ST = Σ0/(2NV) = 0 and S = 0.
        Assert.Equal(0, normalise.Total);
        Assert.Equal(0, normalise.First);
        Assert.True(result.Sobol.Where(s => s.Input.StartsWith("weights", StringComparison.Ordinal)).Sum(s => s.Total) > 0);
    }

    [Fact]
    public void Weight_factors_stay_within_the_noise_and_depend_only_on_the_draw_and_node()
    {
        for (var k = 0; k < 1000; k++)
        {
            var f = SensitivityAnalysis.WeightFactor(k / 1000.0, k % 7, 0.25);
            Assert.InRange(f, 0.75, 1.25);
        }

        Assert.Equal(SensitivityAnalysis.WeightFactor(0.3, 2, 0.25), SensitivityAnalysis.WeightFactor(0.3, 2, 0.25));
        Assert.NotEqual(SensitivityAnalysis.WeightFactor(0.3, 2, 0.25), SensitivityAnalysis.WeightFactor(0.3, 3, 0.25));
    }

    [Fact]
    public void Uncertain_inputs_parse_every_kind_and_reject_unknown_ones()
    {
        var definition = Examples.Definition();
        Assert.Equal(UncertainInputKind.Aggregate, UncertainInput.Parse("aggregate:amean,gmean", definition).Single().Kind);
        Assert.Equal(2, UncertainInput.Parse("treat:on,off", definition).Single().Alternatives);
        var path = UncertainInput.Parse("$.steps[0].u:100,10", definition).Single();
        Assert.Equal(UncertainInputKind.Path, path.Kind);
        Assert.Equal(10.0, (double)path.Values[1]);

        Assert.Contains("unknown aggregate method 'avg'", Assert.Throws<ArgumentException>(() => UncertainInput.Parse("aggregate:amean,avg", definition)).Message);
        Assert.Contains("no value at $.steps[9].u", Assert.Throws<ArgumentException>(() => UncertainInput.Parse("$.steps[9].u:1", definition)).Message);
        Assert.Contains("unknown input 'weight'", Assert.Throws<ArgumentException>(() => UncertainInput.Parse("weight:0.2", definition)).Message);
    }

    [Fact]
    public void A_path_input_varies_that_value_of_the_definition()
    {
        // Min-max upper bound 100 or 10: a monotone rescaling of every indicator, so no rank moves, and y = 0 in every run.
        var definition = Examples.Definition();
        var result = SensitivityAnalysis.Run(definition, Examples.FourAreas(),
            new SensitivityOptions { Inputs = UncertainInput.Parse("$.steps[0].u:100,10", definition), Runs = 20 });
        Assert.All(result.RankShift, y => Assert.Equal(0, y));
        Assert.All(result.Areas, a => Assert.Equal(a.NominalRank, a.MedianRank));
    }
}

public class UncertainInputTests
{
    [Fact]
    public void Alternatives_take_parameters_and_a_bare_own_method_keeps_the_definitions()
    {
        // The example definition normalises with minmax l = 0, u = 100; here it is 1–100.
        var definition = Examples.Definition(Examples.MinMax(1, 100), Examples.Mean());
        var input = UncertainInput.Parse("normalise:minmax,zscore(m=100;s=10)", definition).Single();

        Assert.Equal(MethodSpec.Of("minmax", ("l", 1), ("u", 100)), input.Methods[0]);
        Assert.Equal(MethodSpec.Of("zscore", ("m", 100), ("s", 10)), input.Methods[1]);
        Assert.Contains("must be written name(k=v;k2=v2)", Assert.Throws<ArgumentException>(() => UncertainInput.Parse("normalise:zscore(m=1", definition)).Message);
    }
}
