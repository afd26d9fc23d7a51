namespace WellbeingIndex.Providers;

/// <summary>A place an index is computed for: its GSS code and its name.</summary>
public sealed record Area(string Code, string Name);
