using System.Net;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// A seeded fuzz of <c>POST /api/frameworks/london/compute</c> in process: structure-aware bodies (valid skeletons with
/// mutated values: huge, tiny, negative and NaN-like numbers, wrong types, unknown keys, deep nesting, long strings,
/// random methods and parameters) and raw byte mutations of them. Whatever the answer's shape, it must hold that no
/// request gets a 5xx (but 503 with Retry-After, a shed load), every 4xx is a problem document, a 400/413/422 one
/// naming fields in <c>errors</c>, and every 200 carries only finite numbers (in JSON, and in CSV for every tenth body).
/// </summary>
public class ComputeFuzzTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private const int Bodies = 10_000;
    private const int Seed = 20261201;

    private static readonly string[] Normalisers = ["minmax", "zscore", "rank", "exprank", "prank", "goalposts", "dist2max", "dist2ref", "dist2targ", "fracmax"];
    private static readonly string[] Aggregators = ["amean", "gmean", "hmean", "genmean", "sum", "min", "copeland", "mpi"];
    /// <summary>Each method's own parameters, so most bodies reach the method with extreme values rather than a name error.</summary>
    private static readonly Dictionary<string, string[]> OwnParameters = new()
    {
        ["minmax"] = ["l", "u"], ["zscore"] = ["m", "s", "mean", "sd"], ["exprank"] = ["c", "stretch"],
        ["goalposts"] = ["min", "max", "scale", "truncate"], ["dist2ref"] = ["area", "cap"], ["dist2targ"] = ["target", "cap"],
        ["genmean"] = ["p"], ["mpi"] = ["penalty"],
    };

    private static readonly string[] Parameters = ["l", "u", "c", "stretch", "area", "cap", "min", "max", "scale", "truncate", "target", "m", "s", "mean", "sd", "p", "penalty"];
    private static readonly string[] Texts = ["high", "low", "pos", "neg", "E09000001", "E09000033", "", "NaN", "Infinity", "-Infinity", "1e308", "é☃\u0000", "minmax"];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "2", "0.5", "100", "-100", "1e308", "-1e308", "1.7e308", "-1.7976931348623157e308", "1.7976931348623157e308",
        "5e-324", "-5e-324", "1e-300", "1e-320", "2.2250738585072014e-308", "1e400", "-1e400", "1e-400", "9007199254740993",
        "2147483648", "-2147483649", "99999999999999999999999999", "1e15", "3", "0.999999", "1.0000001", "2000", "2001",
    ];

    [Fact]
    public async Task Ten_thousand_generated_bodies_get_no_5xx_and_no_non_finite_number()
    {
        var random = new Random(Seed);
        var client = factory.CreateClient();
        var nodes = await NodeCodesAsync(client);
        var generator = new Generator(random, nodes);
        var bodies = new byte[Bodies][];
        for (var i = 0; i < Bodies; i++)
        {
            bodies[i] = Encoding.UTF8.GetBytes(generator.Body());
            if (random.NextDouble() < 0.15)
            {
                bodies[i] = Mutate(random, bodies[i]);
            }
        }

        var failures = new System.Collections.Concurrent.ConcurrentBag<(int, string)>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Bodies), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks/london/compute") { Content = new ByteArrayContent(bodies[i]) };
            request.Content.Headers.ContentType = new("application/json");
            if (i % 10 == 0)
            {
                // Every tenth answer as CSV: no NaN or Infinity there either.
                request.Headers.Accept.ParseAdd("text/csv");
            }

            using var response = await client.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (await CheckAsync(response) is { } failure)
            {
                failures.Add((i, $"#{i} {status} {failure}\n  body: {Shorten(Encoding.UTF8.GetString(bodies[i]))}"));
            }
        });

        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures; the first:\n" + string.Join("\n", failures.OrderBy(f => f.Item1).Take(15).Select(f => f.Item2)));
        // The fuzz must reach the computation, not only the parser: a good share of the bodies compute.
        Assert.True(statuses.GetValueOrDefault(200) >= Bodies / 10, $"only {statuses.GetValueOrDefault(200)} of {Bodies} computed: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(statuses.GetValueOrDefault(400) >= Bodies / 10, $"statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
    }

    /// <summary>Null when the response keeps the rules; otherwise what is wrong with it.</summary>
    private static async Task<string?> CheckAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return status == 503 && response.Headers.RetryAfter is not null ? null : $"server error: {Shorten(text)}";
        }

        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return $"a {status} that is not a problem document: {Shorten(text)}";
            }

            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            if (!root.TryGetProperty("status", out var s) || s.GetInt32() != status || !root.TryGetProperty("title", out _) || !root.TryGetProperty("type", out _))
            {
                return $"problem without type, title or its status: {Shorten(text)}";
            }

            if (status is 400 or 413 or 422
                && !(root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                     && errors.EnumerateObject().Any() && errors.EnumerateObject().All(e => e.Name.Length > 0)))
            {
                return $"problem naming no field: {Shorten(text)}";
            }

            return null;
        }

        if (status != 200)
        {
            return $"unexpected status: {Shorten(text)}";
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/csv")
        {
            return text.Split('\n').SelectMany(line => line.TrimEnd('\r').Split(',')).FirstOrDefault(c => c is "NaN" or "Infinity" or "-Infinity" or "∞" or "-∞")
                is { } cell ? $"a CSV cell is {cell}" : null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return NonFinite(document.RootElement, "$");
        }
        catch (JsonException e)
        {
            return $"a 200 that is not JSON ({e.Message}): {Shorten(text)}";
        }
    }

    /// <summary>The path of the first non-finite number, or number written as text, anywhere in the document.</summary>
    internal static string? NonFinite(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDouble(out var d) && double.IsFinite(d) ? null : $"{path} is {element.GetRawText()}";
            case JsonValueKind.String:
                return element.GetString() is "NaN" or "Infinity" or "-Infinity" or "∞" or "-∞" ? $"{path} is \"{element.GetString()}\"" : null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (NonFinite(item, $"{path}[{i++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (NonFinite(p.Value, $"{path}.{p.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static async Task<string[]> NodeCodesAsync(HttpClient client)
    {
        var framework = JObject.Parse(await client.GetStringAsync("/api/frameworks/london"));
        var codes = framework["definition"]!["nodes"]!.Select(n => n["code"]!.Value<string>()!).ToArray();
        Assert.True(codes.Length > 20, "london has 8 domains and 21 indicators");
        return codes;
    }

    /// <summary>One to five byte edits: flip, insert, delete or duplicate a run.</summary>
    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var at = list.Count == 0 ? 0 : random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0 when list.Count > 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1:
                    var inserts = "{}[]\",:\\0-e.\u00ff"u8;
                    list.Insert(at, inserts[random.Next(inserts.Length)]);
                    break;
                case 2 when list.Count > 0:
                    list.RemoveAt(at);
                    break;
                default:
                    var length = Math.Min(list.Count - at, random.Next(1, 12));
                    list.InsertRange(at, list.GetRange(at, length));
                    break;
            }
        }

        return [.. list];
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + $"… ({text.Length} chars)";

    /// <summary>Writes one body as JSON text, so that tokens no serializer writes (1e400, deep nesting) can appear.</summary>
    private sealed class Generator(Random random, string[] nodes)
    {
        private readonly StringBuilder _b = new();

        private bool Chance(double p) => random.NextDouble() < p;

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        public string Body()
        {
            _b.Clear();
            if (Chance(0.01))
            {
                _b.Append(Pick(["", " ", "[]", "null", "1e400", "\"x\"", "{", "{}{}", "{\"a\":1,}", "// c\n{}", "{'period':'2022'}"]));
                return _b.ToString();
            }

            var fields = new List<Action>();
            // Most bodies compute a few boroughs, so the fuzz stays fast and reaches the engine.
            if (Chance(0.9))
            {
                fields.Add(() => Field("areas", Areas));
            }

            var range = Chance(0.03);
            if (range)
            {
                fields.Add(() => Field("from", () => Period(valid: Chance(0.8))));
                if (Chance(0.5))
                {
                    fields.Add(() => Field("to", () => Period(valid: Chance(0.8))));
                }
            }
            else if (Chance(0.5))
            {
                fields.Add(() => Field("period", () => Period(valid: Chance(0.8))));
            }

            if (Chance(0.5))
            {
                fields.Add(() => Field("weights", Weights));
            }

            if (Chance(0.45))
            {
                fields.Add(() => Field("normalise", () => Method(Normalisers)));
            }

            if (Chance(0.35))
            {
                fields.Add(() => Field("aggregate", () => Method(Aggregators)));
            }

            if (Chance(0.2))
            {
                fields.Add(() => Field("nodes", NodeChanges));
            }

            if (!range && Chance(0.12))
            {
                fields.Add(() => Field("uncertainty", Uncertainty));
            }

            if (Chance(0.05))
            {
                fields.Add(() => Field(Key(), () => Value(3)));
            }

            Object(fields);
            return _b.ToString();
        }

        private void Object(List<Action> fields)
        {
            _b.Append('{');
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                {
                    _b.Append(',');
                }

                fields[i]();
            }

            _b.Append('}');
        }

        private void Field(string name, Action value)
        {
            String(name);
            _b.Append(':');
            if (Chance(0.04))
            {
                Value(2);
            }
            else
            {
                value();
            }
        }

        private void String(string s) => _b.Append(JsonSerializer.Serialize(s));

        private string Key() => Chance(0.5) ? Pick(nodes) : Pick(new[] { "x", "", "Period", "weights ", "__proto__", "nodes", "AREAS", new string('k', random.Next(1, 300)) });

        private void Areas()
        {
            var count = Chance(0.03) ? random.Next(0, 40) : random.Next(2, 5);
            // Distinct boroughs mostly (a repeat is one more way to be wrong, not the point of most bodies).
            var boroughs = Enumerable.Range(1, 33).OrderBy(_ => random.Next()).ToArray();
            var areas = Enumerable.Range(0, count).Select(k => Chance(0.97)
                ? $"E090000{boroughs[k % 33]:00}"
                : Pick(new[] { "E09000034", "W06000001", "", " E09000001 " })).ToList();
            _b.Append('[');
            for (var i = 0; i < areas.Count; i++)
            {
                if (i > 0)
                {
                    _b.Append(',');
                }

                if (Chance(0.02))
                {
                    Value(1);
                }
                else
                {
                    String(areas[i]);
                }
            }

            _b.Append(']');
        }

        private void Period(bool valid)
        {
            if (valid)
            {
                String(Pick(new[] { "2022", "2023", "2024", "2022/23", "2023/24", "2021" }));
            }
            else
            {
                Pick(new Action[]
                {
                    () => String(Pick(new[] { "1900", "2099", "20x2", "2022-13", "2022-02-30", "", "2019/21", "9999999999", "2022/23/24" })),
                    () => Value(1),
                })();
            }
        }

        private void Weights()
        {
            var entries = Enumerable.Range(0, Chance(0.02) ? random.Next(50, 400) : random.Next(1, 4)).Select(_ => (Action)(() =>
                Field(Chance(0.9) ? Pick(nodes) : Key(), Number))).ToList();
            Object(entries);
        }

        private void Method(string[] names)
        {
            var fields = new List<Action>();
            var method = Chance(0.9) ? Pick(names) : Pick(new[] { "MINMAX", "", "nope", "amean ", Pick(Normalisers), Pick(Aggregators) });
            if (Chance(0.95))
            {
                fields.Add(() => Field("method", () => String(method)));
            }

            var own = OwnParameters.GetValueOrDefault(method, []);
            var parameters = own.Where(_ => Chance(0.6)).ToList();
            if (Chance(0.25))
            {
                parameters.Add(Chance(0.8) ? Pick(Parameters) : Key());
            }

            foreach (var name in parameters.Distinct())
            {
                var text = name is "stretch" or "area" or "penalty";
                fields.Add(() => Field(name, () =>
                {
                    if (Chance(0.75) != text)
                    {
                        Number();
                    }
                    else
                    {
                        String(Pick(Texts));
                    }
                }));
            }

            Object(fields);
        }

        private void NodeChanges()
        {
            var entries = Enumerable.Range(0, random.Next(1, 3)).Select(_ => (Action)(() => Field(Chance(0.9) ? Pick(nodes) : Key(), () =>
            {
                var changes = new List<Action>();
                if (Chance(0.5))
                {
                    changes.Add(() => Field("weight", Number));
                }

                if (Chance(0.4))
                {
                    changes.Add(() => Field("normalise", () => Method(Normalisers)));
                }

                if (Chance(0.4))
                {
                    changes.Add(() => Field("aggregate", () => Method(Aggregators)));
                }

                if (Chance(0.05))
                {
                    changes.Add(() => Field(Key(), () => Value(2)));
                }

                Object(changes);
            }))).ToList();
            Object(entries);
        }

        private void Uncertainty()
        {
            var fields = new List<Action>();
            if (Chance(0.8))
            {
                // Few runs: the fuzz is about answers, not about load (budgets are tested on their own).
                fields.Add(() => Field("runs", () => _b.Append(Pick(new[] { "2", "3", "5", "0", "1", "-1", "2.5", "1e308", "2001", "-2147483649", "\"5\"" }))));
            }

            if (Chance(0.6))
            {
                fields.Add(() => Field("weightNoise", Number));
            }

            if (Chance(0.4))
            {
                fields.Add(() => Field("seed", Number));
            }

            Object(fields);
        }

        private void Number()
        {
            if (Chance(0.85))
            {
                _b.Append(Chance(0.7) ? Pick(Numbers) : (random.NextDouble() * Math.Pow(10, random.Next(-10, 12)) * (Chance(0.2) ? -1 : 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                Value(1);
            }
        }

        /// <summary>Any JSON value: numbers, texts long and short, true/false/null, arrays, objects, deep nesting.</summary>
        private void Value(int depth)
        {
            switch (random.Next(depth > 0 ? 9 : 6))
            {
                case 0:
                    _b.Append(Pick(Numbers));
                    break;
                case 1:
                    String(Pick(Texts));
                    break;
                case 2:
                    String(new string(Pick(new[] { 'a', '9', 'é', '"', '\\' }), random.Next(100, 9000)));
                    break;
                case 3:
                    _b.Append(Pick(new[] { "true", "false", "null" }));
                    break;
                case 4:
                    var d = Pick(new[] { 5, 40, 70, 200, 2000 });
                    _b.Append(new string('[', d)).Append(new string(']', d));
                    break;
                case 5:
                    _b.Append(Pick(new[] { "{}", "[]", "{\"method\":\"amean\"}", "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}}}" }));
                    break;
                case 6:
                    _b.Append('[');
                    for (var n = random.Next(0, 4); n > 0; n--)
                    {
                        Value(depth - 1);
                        _b.Append(n > 1 ? "," : "");
                    }

                    _b.Append(']');
                    break;
                default:
                    var fields = Enumerable.Range(0, random.Next(0, 4)).Select(_ => (Action)(() =>
                    {
                        String(Key());
                        _b.Append(':');
                        Value(depth - 1);
                    })).ToList();
                    Object(fields);
                    break;
            }
        }
    }
}
