using NodaTime;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Publication;

/// <summary>A published run as readers see it. Instants are kept to whole milliseconds, the precision Table Storage keeps.</summary>
/// <param name="FrameworkId">The framework (definition id).</param>
/// <param name="RunId">Derived from the framework, period, definition and input values: the same inputs give the same id.</param>
/// <param name="Period">The period asked for.</param>
/// <param name="ComputedAt">When the engine computed the run; decides which run is "latest".</param>
/// <param name="PublishedAt">When the run was marked complete.</param>
/// <param name="DefinitionJson">The definition as <c>IndexDefinitionJson.ToJson</c> wrote it (compact).</param>
/// <param name="AreaCount">Areas in the run.</param>
/// <param name="IndicatorCount">Indicators in the definition.</param>
/// <param name="Status">Always <see cref="RunStatus.Complete"/> for runs returned to readers.</param>
public sealed record PublishedRun(
    string FrameworkId,
    string RunId,
    ReferencePeriod Period,
    Instant ComputedAt,
    Instant PublishedAt,
    string DefinitionJson,
    int AreaCount,
    int IndicatorCount,
    RunStatus Status);
