using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Providers;

/// <summary>
/// A ready-to-run index: a definition whose indicators name their providers, and the areas it is computed for by
/// default (for the London framework, the 33 boroughs).
/// </summary>
public sealed record Framework(string Id, IndexDefinition Definition, IReadOnlyList<Area> Areas);
