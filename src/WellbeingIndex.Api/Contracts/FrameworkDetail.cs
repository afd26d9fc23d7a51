using System.Text.Json;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Api.Contracts;

/// <summary><c>GET /api/frameworks/{id}</c>: the framework's definition (the recipe, as in its JSON file) and its areas.</summary>
public sealed record FrameworkDetail(string Id, string? Name, string? Description, JsonElement Definition, IReadOnlyList<Area> Areas);
