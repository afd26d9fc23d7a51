using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Functions.Tests.Http;

public class ProblemMiddlewareTests
{
    [Fact]
    public void An_unexpected_error_is_a_500_that_reveals_nothing()
    {
        var problem = ApiProblem.FromException(new InvalidOperationException("connection string AccountKey=abc at Foo.Bar()"));
        Assert.Equal(500, problem.Status);
        Assert.DoesNotContain("AccountKey", problem.Detail);
        Assert.DoesNotContain("Foo.Bar", problem.Detail);
        Assert.Null(problem.Errors);
    }

    [Fact]
    public void Definition_problems_are_keyed_by_their_path()
    {
        var problem = ApiProblem.FromException(new DefinitionException(
            [new DefinitionProblem("$.nodes[2].weight", "must be a positive number, got 0."), new DefinitionProblem("$.nodes[2].weight", "again")]));
        Assert.Equal(400, problem.Status);
        Assert.Equal(["must be a positive number, got 0.", "again"], problem.Errors!["$.nodes[2].weight"]);
    }
}
