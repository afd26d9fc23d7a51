using FsCheck;
using FsCheck.Xunit;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Properties;

public class NormaliserProperties
{
    /// <summary>Integers as indicator values; every seventh one missing.</summary>
    private static double[] Values(int[] xs) => xs.Select(x => x % 7 == 0 ? NaN : x).ToArray();

    [Property(MaxTest = 300)]
    public void Minmax_stays_inside_l_u(NonEmptyArray<int> xs, int l, PositiveInt width)
    {
        var values = Values(xs.Get);
        double u = (double)l + width.Get;
        var output = Normalise(new MinMaxNormaliser(), values, Spec("minmax", ("l", l), ("u", u)));
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(double.IsNaN(values[i]), double.IsNaN(output[i]));
            if (!double.IsNaN(output[i])) Assert.InRange(output[i], l, u);
        }
    }

    [Property(MaxTest = 100)]
    public void Normalisers_are_permutation_equivariant(NonEmptyArray<int> xs, int seed)
    {
        // fracmax needs a positive best value and dist2targ a target above the worst: shift into 1..∞ and aim above the max.
        var values = Values(xs.Get).Select(v => Math.Abs(v) + 1).ToArray();
        var order = Enumerable.Range(0, values.Length).ToArray();
        new Random(seed).Shuffle(order);
        var permuted = order.Select(i => values[i]).ToArray();
        var max = values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        foreach (var (name, spec) in new (string, MethodSpec)[]
                 {
                     ("minmax", Spec("minmax")), ("zscore", Spec("zscore")), ("rank", Spec("rank")), ("prank", Spec("prank")),
                     ("dist2max", Spec("dist2max")), ("fracmax", Spec("fracmax")), ("exprank", Spec("exprank")),
                     ("goalposts", Spec("goalposts", ("min", 0), ("max", 50))), ("dist2targ", Spec("dist2targ", ("target", max + 1))),
                 })
        {
            var method = MethodRegistry.Default.Get<INormaliser>(name);
            var whole = Normalise(method, values, spec);
            var shuffled = Normalise(method, permuted, spec);
            for (var i = 0; i < order.Length; i++)
            {
                var expected = whole[order[i]];
                if (double.IsNaN(expected)) Assert.True(double.IsNaN(shuffled[i]), name);
                else Assert.True(Math.Abs(expected - shuffled[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{name}: row {i}");
            }
        }
    }

    [Property(MaxTest = 100)]
    public void Normalising_in_place_equals_normalising_into_a_new_column(NonEmptyArray<int> xs)
    {
        var values = Values(xs.Get).Select(v => Math.Abs(v) + 1).ToArray();
        foreach (var name in MethodRegistry.Default.Names<INormaliser>().Where(n => n is not ("dist2ref" or "goalposts" or "dist2targ")))
        {
            var method = MethodRegistry.Default.Get<INormaliser>(name);
            var separate = Normalise(method, values);
            var column = (double[])values.Clone();
            method.Normalise(column, column, new MethodSpec(name), Context(column.Length));
            Equal(separate, column, 0);
        }
    }
}
