using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Publication;

/// <summary>
/// Which build of the engine computed a run. Run ids hash it with the recipe and the inputs, so republishing the same
/// data after an engine change (a method fixed, a default changed) makes a new run instead of leaving the old numbers
/// under the old id. Builds are deterministic, so the same engine source compiled the same way keeps its fingerprint.
/// </summary>
public static class EngineFingerprint
{
    /// <summary>The engine assembly's version and module version id (the id changes whenever its code does).</summary>
    public static string Current { get; } = Of(typeof(IndexPipeline).Assembly);

    /// <summary>The fingerprint of an engine assembly.</summary>
    public static string Of(System.Reflection.Assembly engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var version = engine.GetName().Version?.ToString() ?? "0";
        return $"{version}/{engine.ManifestModule.ModuleVersionId:N}";
    }
}
