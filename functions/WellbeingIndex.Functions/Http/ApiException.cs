namespace WellbeingIndex.Functions.Http;

/// <summary>Thrown by endpoint code to answer with <see cref="Problem"/>; the problem middleware writes it.</summary>
public sealed class ApiException(ApiProblem problem) : Exception(problem.Detail)
{
    public ApiProblem Problem { get; } = problem;
}
