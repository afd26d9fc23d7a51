namespace WellbeingIndex.Api.Http;

/// <summary>Thrown by operation code to answer with <see cref="Problem"/>; each host's problem handler writes it.</summary>
public sealed class ApiException(ApiProblem problem) : Exception(problem.Detail)
{
    public ApiProblem Problem { get; } = problem;
}
