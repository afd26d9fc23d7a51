using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// The methods a definition may name, by step. <see cref="Default"/> holds every method class in this assembly;
/// <see cref="With"/> adds more (from a plug-in) without touching the pipeline.
/// </summary>
public sealed class MethodRegistry
{
    private static readonly Lazy<MethodRegistry> DefaultRegistry = new(() => FromAssemblies(typeof(MethodRegistry).Assembly));

    private MethodRegistry(ImmutableDictionary<string, IMethod> methods) => All = methods;

    public static MethodRegistry Default => DefaultRegistry.Value;

    /// <summary>Every method, keyed by "step:name" (for example <c>normalise:minmax</c>).</summary>
    public ImmutableDictionary<string, IMethod> All { get; }

    /// <summary>A registry of every public method class with a public parameterless constructor in <paramref name="assemblies"/>.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The native build keeps the engine assembly whole (TrimmerRootAssembly in the CLI project) and loads no plug-ins.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above: every method class keeps its constructors.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: every method class keeps its constructors.")]
    public static MethodRegistry FromAssemblies(params Assembly[] assemblies)
    {
        var registry = new MethodRegistry(ImmutableDictionary<string, IMethod>.Empty);
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsClass && !type.IsAbstract && typeof(IMethod).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                registry = registry.With((IMethod)Activator.CreateInstance(type)!);
            }
        }

        return registry;
    }

    /// <summary>A registry with <paramref name="method"/> added; a name already taken for that step is an error.</summary>
    public MethodRegistry With(IMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var builder = All.ToBuilder();
        foreach (var step in StepsOf(method))
        {
            var key = Key(step, method.Name);
            if (builder.TryGetValue(key, out var existing))
            {
                throw new ArgumentException(
                    $"Two {step} methods are named '{method.Name}': {existing.GetType().FullName} and {method.GetType().FullName}.", nameof(method));
            }

            builder[key] = method;
        }

        return new MethodRegistry(builder.ToImmutable());
    }

    public bool TryGet<T>(string name, out T method) where T : class, IMethod
    {
        if (All.TryGetValue(Key(StepOf(typeof(T)), name), out var m) && m is T typed)
        {
            method = typed;
            return true;
        }

        method = null!;
        return false;
    }

    public T Get<T>(string name) where T : class, IMethod =>
        TryGet<T>(name, out var m)
            ? m
            : throw new IndexComputationException($"Unknown {StepOf(typeof(T))} method '{name}'. Known: {string.Join(", ", Names<T>())}.");

    public IReadOnlyList<string> Names<T>() where T : class, IMethod =>
        All.Values.OfType<T>().Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToList();

    internal static string StepOf(Type t) =>
        t == typeof(INormaliser) ? StepNames.Normalise
        : t == typeof(IAggregator) ? StepNames.Aggregate
        : t == typeof(IImputer) ? StepNames.Impute
        : t == typeof(ITreatment) ? StepNames.Treat
        : t == typeof(ITransform) ? StepNames.Transform
        : throw new ArgumentException($"{t.Name} is not a method kind.");

    private static IEnumerable<string> StepsOf(IMethod m)
    {
        if (m is INormaliser) yield return StepNames.Normalise;
        if (m is IAggregator) yield return StepNames.Aggregate;
        if (m is IImputer) yield return StepNames.Impute;
        if (m is ITreatment) yield return StepNames.Treat;
        if (m is ITransform) yield return StepNames.Transform;
    }

    private static string Key(string step, string name) => $"{step}:{name.ToLowerInvariant()}";
}
