namespace WellbeingIndex.Engine.Pipeline;

/// <summary>
/// Reusable scratch columns of one length (the last asked for): a build of 33,000 areas × 40 indicators normalises
/// into these instead of allocating 10.6 MB, then hands them back. Arrays of another length are simply dropped, so a
/// process that alternates sizes degrades to allocating, never to wrong answers. Thread-safe.
/// </summary>
internal static class ColumnPool
{
    private const int MaxKept = 256;
    private static readonly Stack<double[]> Free = new();
    private static int _length = -1;

    /// <summary>An array of exactly <paramref name="length"/> values with unspecified contents.</summary>
    public static double[] Rent(int length)
    {
        lock (Free)
        {
            if (_length == length && Free.Count > 0)
            {
                return Free.Pop();
            }
        }

        return new double[length];
    }

    /// <summary>Gives the arrays back; the caller must not use them afterwards.</summary>
    public static void Return(IEnumerable<double[]> columns)
    {
        lock (Free)
        {
            foreach (var column in columns)
            {
                if (column.Length != _length)
                {
                    Free.Clear();
                    _length = column.Length;
                }

                if (Free.Count < MaxKept)
                {
                    Free.Push(column);
                }
            }
        }
    }
}
