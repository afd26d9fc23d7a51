using System.Globalization;

namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// The parameters one method accepts, so every method reports unknown names, wrong types, missing values and
/// out-of-range values the same way, and re-checks them at run time (a spec may reach a method without validation).
/// </summary>
internal sealed class ParameterSchema
{
    private readonly MethodParameter[] _parameters;

    public ParameterSchema(params MethodParameter[] parameters) => _parameters = parameters;

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<ParameterProblem>();
        foreach (var (name, value) in spec.Numbers)
        {
            var p = Find(name);
            if (p is null)
            {
                problems.Add(Unknown(spec, name));
            }
            else if (p.IsText)
            {
                problems.Add(new ParameterProblem(name, $"'{name}' must be text, not the number {Format(value)}."));
            }
            else if (!double.IsFinite(value))
            {
                problems.Add(new ParameterProblem(name, $"'{name}' must be a finite number, got {Format(value)}."));
            }
            else if (p.Check is { } check && !check(value))
            {
                problems.Add(new ParameterProblem(name, $"'{name}' {p.Rule}, got {Format(value)}."));
            }
        }

        foreach (var (name, value) in spec.Texts)
        {
            var p = Find(name);
            if (p is null)
            {
                problems.Add(Unknown(spec, name));
            }
            else if (!p.IsText)
            {
                problems.Add(new ParameterProblem(name, $"'{name}' must be a number, not the text '{value}'."));
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new ParameterProblem(name, $"'{name}' must not be empty."));
            }
            else if (p.Allowed is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
            {
                problems.Add(new ParameterProblem(name, $"'{name}' must be one of {string.Join(", ", allowed)}, got '{value}'."));
            }
        }

        foreach (var p in _parameters)
        {
            if (p.Required && !spec.Numbers.ContainsKey(p.Name) && !spec.Texts.ContainsKey(p.Name))
            {
                problems.Add(new ParameterProblem(p.Name, $"'{p.Name}' is required by method '{spec.Method}'."));
            }
        }

        return problems;
    }

    /// <summary>Run-time guard: the same checks as validation, as an exception naming the column.</summary>
    public void ThrowIfInvalid(MethodSpec spec, string method, string code, IEnumerable<ParameterProblem>? extra = null)
    {
        var problems = Validate(spec).Concat(extra ?? []).ToList();
        if (problems.Count > 0)
        {
            throw new IndexComputationException(
                $"Method '{method}' for '{code}' has invalid parameters: {string.Join(" ", problems.Select(p => p.Message))}");
        }
    }

    /// <summary>
    /// A score beyond the double range (s = 1e308 in m + s·z): there is no finite answer, so the parameters are at fault.
    /// </summary>
    public static IndexComputationException Overflow(string method, ColumnContext context, int row, string advice) =>
        new($"{method} for '{context.IndicatorCode}': the score of area '{context.AreaCodeAt(row)}' is beyond the range of numbers; {advice}.");

    private MethodParameter? Find(string name) => Array.Find(_parameters, p => p.Name == name);

    private ParameterProblem Unknown(MethodSpec spec, string name) =>
        new(name, _parameters.Length == 0
            ? $"Method '{spec.Method}' takes no parameters, got '{name}'."
            : $"Unknown parameter '{name}' for method '{spec.Method}'; known: {string.Join(", ", _parameters.Select(p => p.Name))}.");

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>One parameter of a method: a number (optionally range-checked) or a text (optionally from a fixed list).</summary>
internal sealed record MethodParameter(string Name, bool IsText, bool Required, Func<double, bool>? Check, string? Rule, string[]? Allowed)
{
    public static MethodParameter Number(string name, bool required = false, Func<double, bool>? check = null, string? rule = null) =>
        new(name, false, required, check, rule, null);

    /// <summary>A 0/1 switch; numbers keep definitions free of JSON booleans.</summary>
    public static MethodParameter Flag(string name) => new(name, false, false, v => v is 0 or 1, "must be 0 or 1", null);

    public static MethodParameter Text(string name, bool required = false, params string[] allowed) =>
        new(name, true, required, null, null, allowed.Length == 0 ? null : allowed);
}
