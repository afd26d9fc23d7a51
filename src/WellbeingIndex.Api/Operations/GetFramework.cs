using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Api.Operations;

/// <summary><c>GET /api/frameworks/{id}</c>: a framework's definition and areas.</summary>
public sealed class GetFramework(WellbeingRuntime runtime)
{
    public const string Name = "GetFramework";
    public const string Method = "get";
    public const string Route = "frameworks/{id}";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public IResult Handle(string id)
    {
        var framework = runtime.Framework(id);
        return ApiJson.Result(new FrameworkDetail(framework.Id, framework.Definition.Name, framework.Definition.Description,
            ApiJson.Element(IndexDefinitionJson.ToJson(framework.Definition).ToString(Newtonsoft.Json.Formatting.None)), framework.Areas));
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (string id, GetFramework operation) => operation.Handle(id))
            .WithName(Name).Produces<FrameworkDetail>().ProducesProblem(StatusCodes.Status404NotFound);
}
