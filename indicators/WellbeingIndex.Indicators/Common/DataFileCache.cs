using System.Collections.Concurrent;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// Parsed data files shared by every provider and helper that reads them, one per data directory, file and parsed
/// type: a 33,755-row small-area file is read once however many providers, lookups and roll-ups use it. A parse that
/// throws is not cached (fix the file and ask again).
/// </summary>
internal static class DataFileCache
{
    private static readonly ConcurrentDictionary<(string Directory, string File, Type Type), Lazy<object>> Entries = new();

    /// <summary>The parsed form of <paramref name="fileName"/> in <paramref name="context"/>'s directory, parsing it on first use.</summary>
    public static T Get<T>(ProviderContext context, string fileName, Func<T> parse) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = (context.DataDirectory, fileName, typeof(T));
        var entry = Entries.GetOrAdd(key, _ => new Lazy<object>(() => parse(), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            Entries.TryRemove(new KeyValuePair<(string, string, Type), Lazy<object>>(key, entry));
            throw;
        }
    }
}
