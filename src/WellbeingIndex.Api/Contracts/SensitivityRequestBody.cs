namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// The wire shape of the <c>POST /api/frameworks/{id}/sensitivity</c> body: the recipe fields of a compute request
/// (the definition as it would be computed, what-if changes included) and the analysis, with the inputs written as on
/// <c>wellbeing sensitivity</c>'s command line. What <see cref="Jobs.SensitivityRequest"/> accepts.
/// </summary>
/// <param name="Uncertain">The uncertain inputs (required, at least one), as <c>--uncertain</c> takes them:
/// <c>weights:0.25</c> (one input per level), <c>aggregate:amean,gmean</c>, <c>normalise:minmax,zscore(m=100;s=10)</c>,
/// <c>impute:none,mean</c>, <c>treat:on,off</c>, or a JSON path of the definition such as <c>$.steps[1].winmax:3,5</c>.</param>
/// <param name="Runs">Runs (2–100000, default 500), or the Sobol base sample N (N·(d + 2) runs for d inputs).</param>
/// <param name="Sobol">Also estimate first-order and total Sobol indices of the mean absolute rank shift.</param>
/// <param name="Seed">Random seed (default 20261122, as the CLI's).</param>
/// <param name="Bootstrap">Bootstrap resamples of the Sobol intervals (0–10000, default 1000).</param>
/// <param name="Period">As for compute: the framework's latest period when left out.</param>
/// <param name="Areas">As for compute: every area of the framework when left out.</param>
/// <param name="Weights">As for compute (what-if).</param>
/// <param name="Normalise">As for compute (what-if).</param>
/// <param name="Aggregate">As for compute (what-if).</param>
/// <param name="Nodes">As for compute (what-if).</param>
public sealed record SensitivityRequestBody(
    IReadOnlyList<string> Uncertain,
    int? Runs,
    bool? Sobol,
    int? Seed,
    int? Bootstrap,
    string? Period,
    IReadOnlyList<string>? Areas,
    IReadOnlyDictionary<string, double>? Weights,
    ComputeRequestBody.MethodChoice? Normalise,
    ComputeRequestBody.MethodChoice? Aggregate,
    IReadOnlyDictionary<string, ComputeRequestBody.NodeChanges>? Nodes);
