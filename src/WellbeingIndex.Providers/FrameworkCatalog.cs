using System.Collections.Frozen;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Providers;

/// <summary>
/// The ready-made frameworks. Each is two embedded resources of the indicators assembly, so a framework ships with the
/// providers it names: <c>WellbeingIndex.Frameworks.&lt;id&gt;.json</c> (the definition) and
/// <c>WellbeingIndex.Frameworks.&lt;id&gt;.areas.json</c> (its default areas, <c>[{"code": ..., "name": ...}]</c>, or
/// <c>{"from": "lsoa2021"}</c> for every 2021 LSOA in England, read from the data directory when first needed).
/// </summary>
public sealed class FrameworkCatalog
{
    private const string Prefix = "WellbeingIndex.Frameworks.";
    private const string AreasSuffix = ".areas.json";

    private readonly FrozenDictionary<string, Framework> _byId;

    private FrameworkCatalog(IReadOnlyList<Framework> all)
    {
        All = all;
        _byId = all.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
    }

    /// <summary>Every framework, ordered by id.</summary>
    public IReadOnlyList<Framework> All { get; }

    /// <summary>The frameworks embedded in <paramref name="assembly"/> under the naming rule above.</summary>
    public static FrameworkCatalog FromAssembly(Assembly assembly, MethodRegistry? registry = null, ProviderContext? data = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Func<ProviderContext> context = data is null ? () => new ProviderContext(DataDirectory.FromEnvironment()) : () => data;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var frameworks = new List<Framework>();
        foreach (var name in names.Where(n => n.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith(AreasSuffix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var id = name[Prefix.Length..^".json".Length];
            var areasName = Prefix + id + AreasSuffix;
            if (!names.Contains(areasName))
            {
                throw new InvalidDataException($"Framework resource {name} has no areas resource {areasName}.");
            }

            IndexDefinition definition;
            try
            {
                definition = IndexDefinitionJson.Read(ReadResource(assembly, name), registry);
            }
            catch (DefinitionException e)
            {
                throw new InvalidDataException($"Framework resource {name} is invalid: {e.Message}", e);
            }

            var areasJson = ReadResource(assembly, areasName);
            frameworks.Add(new Framework(id, definition, IsLsoa2021Source(areasJson, areasName) ? new LsoaAreas(context) : ReadAreas(areasJson, areasName)));
        }

        return new FrameworkCatalog(frameworks);
    }

    /// <exception cref="KeyNotFoundException">No framework has that id; the message lists the known ids.</exception>
    public Framework Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out var framework)
            ? framework
            : throw new KeyNotFoundException($"No framework '{id}'. Known: {string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))}.");
    }

    public bool TryGet(string id, out Framework framework)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out framework!);
    }

    /// <summary>Reads an areas list, <c>[{"code": "E09000001", "name": "City of London"}, ...]</c>; codes must be unique.</summary>
    public static IReadOnlyList<Area> ReadAreas(string json, string source)
    {
        JToken token;
        try
        {
            token = JToken.Parse(json);
        }
        catch (JsonReaderException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON: {e.Message}", e);
        }

        if (token is not JArray array || array.Count == 0)
        {
            throw new InvalidDataException($"{source}: expected a non-empty array of {{\"code\": ..., \"name\": ...}}.");
        }

        var areas = new List<Area>(array.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var code = (array[i] as JObject)?["code"]?.Type == JTokenType.String ? array[i]["code"]!.Value<string>()! : null;
            var name = (array[i] as JObject)?["name"]?.Type == JTokenType.String ? array[i]["name"]!.Value<string>()! : null;
            if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name))
            {
                throw new InvalidDataException($"{source}: $[{i}] needs a string 'code' and 'name'.");
            }

            if (!seen.Add(code))
            {
                throw new InvalidDataException($"{source}: $[{i}].code '{code}' appears twice.");
            }

            areas.Add(new Area(code, name));
        }

        return areas;
    }

    private static bool IsLsoa2021Source(string json, string source)
    {
        JToken token;
        try
        {
            token = JToken.Parse(json);
        }
        catch (JsonReaderException)
        {
            return false;
        }

        if (token is not JObject o)
        {
            return false;
        }

        return o.Properties().Count() == 1 && o["from"] is { Type: JTokenType.String } from && from.Value<string>() == "lsoa2021"
            ? true
            : throw new InvalidDataException($"{source}: an areas object must be {{\"from\": \"lsoa2021\"}} (every 2021 LSOA in England).");
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
