using System.Text.Json;
using System.Text.Json.Serialization;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// The wire shape of the <c>POST /api/frameworks/{id}/compute</c> body, every field optional. It is what the OpenAPI
/// document describes and what <see cref="Compute.ComputeRequest"/> accepts (its known property names come from here);
/// the parser reads the body itself so that every wrong field is reported at once under its own name.
/// </summary>
/// <param name="Period">"2022", "2019/20", "2019-03" or "2019-03-31"; the framework's latest period when left out.</param>
/// <param name="Areas">Area codes to compute among; every area of the framework when left out.</param>
/// <param name="Weights">Node code to weight (what-if).</param>
/// <param name="Normalise">Normalisation of every indicator, such as <c>{"method": "zscore", "m": 100, "s": 10}</c> (what-if).</param>
/// <param name="Aggregate">Aggregation of every aggregate, such as <c>{"method": "gmean"}</c> (what-if).</param>
/// <param name="Nodes">Node code to changes of that node (what-if).</param>
/// <param name="Uncertainty">A Monte Carlo rank-uncertainty analysis of the result.</param>
public sealed record ComputeRequestBody(
    string? Period,
    IReadOnlyList<string>? Areas,
    IReadOnlyDictionary<string, double>? Weights,
    ComputeRequestBody.MethodChoice? Normalise,
    ComputeRequestBody.MethodChoice? Aggregate,
    IReadOnlyDictionary<string, ComputeRequestBody.NodeChanges>? Nodes,
    ComputeRequestBody.UncertaintyRequest? Uncertainty)
{
    /// <summary>A method by name with its parameters beside it, as in definition files.</summary>
    /// <param name="Method">The method's name (<c>wellbeing methods</c> lists them).</param>
    public sealed record MethodChoice(string Method)
    {
        /// <summary>The method's parameters, such as <c>"m": 100</c>.</summary>
        [JsonExtensionData]
        public IDictionary<string, JsonElement>? Parameters { get; init; }
    }

    /// <summary>What-if changes to one node.</summary>
    public sealed record NodeChanges(double? Weight, MethodChoice? Normalise, MethodChoice? Aggregate);

    /// <summary>Rank uncertainty: runs (2–2000), weight noise in [0, 1) and a seed.</summary>
    public sealed record UncertaintyRequest(int? Runs, double? WeightNoise, int? Seed);

    /// <summary>The JSON names of <typeparamref name="T"/>'s properties: the fields a body object may have.</summary>
    internal static string[] FieldNames<T>() =>
        [.. typeof(T).GetProperties().Where(p => p.GetCustomAttributes(typeof(JsonExtensionDataAttribute), false).Length == 0)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];
}
