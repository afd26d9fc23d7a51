using System.Collections.Immutable;
using System.Globalization;

namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// A method name with its parameters, as written in a definition: <c>{"method": "minmax", "l": 0, "u": 100}</c>.
/// Numbers and texts are kept apart so a method reads exactly the type it expects and a wrong type is a validation error.
/// </summary>
public sealed class MethodSpec : IEquatable<MethodSpec>
{
    public MethodSpec(string method, IReadOnlyDictionary<string, double>? numbers = null, IReadOnlyDictionary<string, string>? texts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        Method = method.Trim().ToLowerInvariant();
        Numbers = (numbers ?? ImmutableDictionary<string, double>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal);
        Texts = (texts ?? ImmutableDictionary<string, string>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    public string Method { get; }

    public ImmutableSortedDictionary<string, double> Numbers { get; }

    public ImmutableSortedDictionary<string, string> Texts { get; }

    public static MethodSpec Of(string method, params (string Name, double Value)[] numbers) =>
        new(method, numbers.ToDictionary(n => n.Name, n => n.Value));

    public double Number(string name, double defaultValue) => Numbers.TryGetValue(name, out var v) ? v : defaultValue;

    public double? NumberOrNull(string name) => Numbers.TryGetValue(name, out var v) ? v : null;

    public string? Text(string name) => Texts.TryGetValue(name, out var v) ? v : null;

    public MethodSpec WithNumber(string name, double value) => new(Method, Numbers.SetItem(name, value), Texts);

    public MethodSpec WithText(string name, string value) => new(Method, Numbers, Texts.SetItem(name, value));

    public bool Equals(MethodSpec? other) =>
        other is not null && Method == other.Method && Numbers.SequenceEqual(other.Numbers) && Texts.SequenceEqual(other.Texts);

    public override bool Equals(object? obj) => Equals(obj as MethodSpec);

    public override int GetHashCode() => HashCode.Combine(Method, Numbers.Count, Texts.Count);

    public override string ToString()
    {
        var parts = Numbers.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Key}={n.Value:R}"))
            .Concat(Texts.Select(t => $"{t.Key}={t.Value}"));
        var p = string.Join(", ", parts);
        return p.Length == 0 ? Method : $"{Method}({p})";
    }
}
