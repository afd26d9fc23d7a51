using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Compute;

/// <summary>
/// The problems found in a request, by field in the order found, so that a bad body is answered with every problem in
/// one 400 (<see cref="ComputeRequest.Invalid"/>) rather than the first.
/// </summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>How many fields have a problem.</summary>
    public int Count => _errors.Count;

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/>; an empty name names no field, so the body holds it.</summary>
    public void Add(string field, string message)
    {
        var key = field.Length == 0 ? "body" : field;
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Throws the 400 listing every problem, if there is any.</summary>
    /// <exception cref="ApiException">At least one problem was recorded.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw ComputeRequest.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray())).ToException();
        }
    }
}
