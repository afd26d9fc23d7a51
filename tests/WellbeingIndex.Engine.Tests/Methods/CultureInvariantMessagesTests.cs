using System.Globalization;
using WellbeingIndex.Engine.Methods.Aggregation;
using WellbeingIndex.Engine.Methods.Normalisation;
using WellbeingIndex.Engine.Methods.Transforms;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods;

/// <summary>Messages quote numbers the way requests and files write them (1.5), whatever the server's culture (1,5 in German).</summary>
public class CultureInvariantMessagesTests
{
    [Fact]
    public void Numbers_in_errors_ignore_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var bounds = new MinMaxNormaliser().Validate(Spec("minmax", ("l", 2.5), ("u", 1.5))).Single();
            Assert.Equal("'u' must be greater than 'l' (l = 2.5, u = 1.5).", bounds.Message);

            var log = Assert.Throws<IndexComputationException>(() => new LogTransform().Transform(new[] { 2.0, -0.5 }, Spec("log"), Context(2)));
            Assert.Contains("area 'A2' has -0.5;", log.Message);

            var weight = Assert.Throws<IndexComputationException>(() => Aggregate(new ArithmeticMeanAggregator(), [[1.0], [2.0]], [1, -0.25]));
            Assert.Contains("weight of child 2 is -0.25;", weight.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
