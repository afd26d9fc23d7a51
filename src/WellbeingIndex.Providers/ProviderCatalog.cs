using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using McMaster.NETCore.Plugins;
using NodaTime;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Providers;

/// <summary>
/// Every indicator provider the host can use, by id: the built-in ones and those in plug-in assemblies. Discovery is
/// plain reflection over loaded assemblies (no Roslyn, no code generation), so adding an indicator is adding a class.
/// </summary>
public sealed class ProviderCatalog
{
    // Plug-ins share these with the host, so that their IIndicatorProvider is the host's type and not a look-alike.
    private static readonly Type[] SharedTypes = [typeof(IIndicatorProvider), typeof(LocalDate)];

    private const string TrimmingJustification =
        "Providers are found by reflection over whole assemblies: the native build keeps the indicator assemblies whole (TrimmerRootAssembly in the CLI project) and refuses plug-ins.";

    private readonly FrozenDictionary<string, IIndicatorProvider> _byId;

    private ProviderCatalog(ProviderContext context, IReadOnlyList<IIndicatorProvider> providers, FrozenDictionary<string, IIndicatorProvider> byId)
    {
        Context = context;
        Providers = providers;
        _byId = byId;
    }

    public ProviderContext Context { get; }

    /// <summary>Every provider, ordered by id.</summary>
    public IReadOnlyList<IIndicatorProvider> Providers { get; }

    /// <summary>
    /// Finds every public, non-abstract <see cref="IIndicatorProvider"/> class in <paramref name="assemblies"/> (the
    /// composition root passes the built-in indicators assembly, <c>BuiltInIndicators.Assembly</c>) and in each plug-in
    /// in <paramref name="pluginsDirectory"/>. A plug-in is either <c>dir/Name/Name.dll</c> (a build output folder
    /// copied whole) or a <c>dir/Name.dll</c>; each loads in its own context, sharing only the contract.
    /// </summary>
    /// <exception cref="ProviderDiscoveryException">A plug-in fails to load, ids clash, metadata is invalid or a provider cannot be constructed.</exception>
    public static ProviderCatalog Discover(ProviderContext context, IEnumerable<Assembly> assemblies, string? pluginsDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(assemblies);
        var found = new List<(IIndicatorProvider Provider, string File)>();
        foreach (var assembly in assemblies)
        {
            AddFrom(assembly, context, found);
        }

        foreach (var file in PluginFiles(pluginsDirectory))
        {
            if (!RuntimeFeature.IsDynamicCodeSupported)
            {
                throw new ProviderDiscoveryException(
                    "this is the native (ahead-of-time compiled) build, which cannot load plug-in assemblies: run a plug-in with the JIT build (dotnet run, or dotnet publish without PublishAot), or compile the provider into the indicators project.",
                    file);
            }

            Assembly assembly;
            try
            {
                assembly = PluginLoader.CreateFromAssemblyFile(file, SharedTypes).LoadDefaultAssembly();
            }
            catch (Exception e) when (e is not ProviderDiscoveryException)
            {
                throw new ProviderDiscoveryException($"the plug-in could not be loaded: {e.Message}", file, inner: e);
            }

            AddFrom(assembly, context, found);
        }

        return Create(context, found);
    }

    /// <summary>A catalogue of given provider instances (tests, hosts that build providers themselves); same checks as discovery.</summary>
    public static ProviderCatalog FromProviders(ProviderContext context, IEnumerable<IIndicatorProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(providers);
        return Create(context, providers.Select(p => (p, FileOf(p.GetType().Assembly))).ToList());
    }

    /// <exception cref="KeyNotFoundException">No provider has that id; the message lists the known ids.</exception>
    public IIndicatorProvider Get(string id) =>
        TryGet(id, out var provider)
            ? provider
            : throw new KeyNotFoundException($"No indicator provider '{id}'. Known: {string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))}.");

    public bool TryGet(string id, out IIndicatorProvider provider)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out provider!);
    }

    /// <summary>Builds one provider from its type: a public constructor taking <see cref="ProviderContext"/>, else a parameterless one.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = TrimmingJustification)]
    internal static IIndicatorProvider Instantiate(Type type, ProviderContext context)
    {
        var file = FileOf(type.Assembly);
        var withContext = type.GetConstructor([typeof(ProviderContext)]);
        var parameterless = type.GetConstructor(Type.EmptyTypes);
        if (withContext is null && parameterless is null)
        {
            throw new ProviderDiscoveryException(
                "no usable constructor: a provider needs a public constructor taking ProviderContext, or a public parameterless one.", file, type.FullName);
        }

        try
        {
            return (IIndicatorProvider)(withContext is not null ? withContext.Invoke([context]) : parameterless!.Invoke([]));
        }
        catch (TargetInvocationException e)
        {
            throw new ProviderDiscoveryException($"the constructor threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}", file, type.FullName, e.InnerException);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimmingJustification)]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = TrimmingJustification)]
    private static void AddFrom(Assembly assembly, ProviderContext context, List<(IIndicatorProvider, string)> found)
    {
        var file = FileOf(assembly);
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new ProviderDiscoveryException($"the assembly's types could not be read: {e.Message}", file, inner: e);
        }

        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
            {
                continue;
            }

            if (typeof(IIndicatorProvider).IsAssignableFrom(type))
            {
                found.Add((Instantiate(type, context), file));
            }
            else if (type.GetInterfaces().Any(i => i.FullName == typeof(IIndicatorProvider).FullName))
            {
                throw new ProviderDiscoveryException(
                    "implements a different copy of IIndicatorProvider: the plug-in must use the host's WellbeingIndex.Abstractions, not load its own.",
                    file, type.FullName);
            }
        }
    }

    private static ProviderCatalog Create(ProviderContext context, IReadOnlyList<(IIndicatorProvider Provider, string File)> found)
    {
        var byId = new Dictionary<string, (IIndicatorProvider Provider, string File)>(StringComparer.Ordinal);
        foreach (var (provider, file) in found)
        {
            var typeName = provider.GetType().FullName;
            IndicatorMetadata? metadata;
            try
            {
                metadata = provider.Metadata;
            }
            catch (Exception e)
            {
                throw new ProviderDiscoveryException($"reading Metadata threw {e.GetType().Name}: {e.Message}", file, typeName, e);
            }

            if (metadata is null)
            {
                throw new ProviderDiscoveryException("Metadata is null.", file, typeName);
            }

            var problems = metadata.Validate();
            if (problems.Count > 0)
            {
                throw new ProviderDiscoveryException($"invalid metadata: {string.Join(" ", problems)}", file, typeName);
            }

            if (byId.TryGetValue(metadata.Id, out var existing))
            {
                throw new ProviderDiscoveryException(
                    $"two providers have the id '{metadata.Id}': this one and {existing.Provider.GetType().FullName} (in {existing.File}).", file, typeName);
            }

            byId[metadata.Id] = (provider, file);
        }

        var providers = byId.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.Provider).ToList();
        return new ProviderCatalog(context, providers, byId.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Provider, StringComparer.Ordinal));
    }

    /// <summary>The assembly's file for messages; a native build has no files, so its name.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location (single-file and native builds) falls back to the assembly's name.")]
    private static string FileOf(Assembly assembly) => assembly.Location is { Length: > 0 } location ? location : assembly.GetName().Name + ".dll";

    private static IEnumerable<string> PluginFiles(string? directory)
    {
        if (directory is null)
        {
            return [];
        }

        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new ProviderDiscoveryException($"the plug-ins directory {full} does not exist.");
        }

        var files = Directory.GetFiles(full, "*.dll").ToList();
        foreach (var sub in Directory.GetDirectories(full))
        {
            var main = Path.Combine(sub, Path.GetFileName(sub) + ".dll");
            files.Add(File.Exists(main)
                ? main
                : throw new ProviderDiscoveryException($"the plug-in folder has no {Path.GetFileName(main)}: a plug-in folder dir/Name must hold Name.dll.", sub));
        }

        return files.Order(StringComparer.Ordinal);
    }
}
