using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Definition;

/// <summary>A level of the hierarchy (1 = indicators) with its name and default aggregation method.</summary>
public sealed record LevelDefinition(int Level, string? Name, MethodSpec? Aggregate);
