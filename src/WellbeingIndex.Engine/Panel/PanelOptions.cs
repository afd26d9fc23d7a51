using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Panel;

/// <summary>Choices for a panel run that the definition may not state.</summary>
/// <param name="Time">Overrides the definition's time block; null keeps it (per-period when the definition has none).</param>
/// <param name="ImputePanel">Imputation over time before the recipe (<see cref="PanelImputation"/>); null for none.</param>
public sealed record PanelOptions(TimeDefinition? Time = null, MethodSpec? ImputePanel = null);
