namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// Every run's rank of every area in 16 bits (32 when there are more than 65,535 areas), 0 = unranked, and the
/// per-area summary read from it block by block so the gather stays in cache.
/// </summary>
internal sealed class RankStore
{
    private readonly ushort[][]? _small;
    private readonly int[][]? _large;
    private readonly int _runs;
    private readonly int _areas;

    public RankStore(int runs, int areas)
    {
        _runs = runs;
        _areas = areas;
        if (areas <= ushort.MaxValue)
        {
            _small = new ushort[runs][];
        }
        else
        {
            _large = new int[runs][];
        }
    }

    public void Write(int run, ReadOnlySpan<int> ranks)
    {
        if (_small is not null)
        {
            var row = new ushort[_areas];
            for (var i = 0; i < _areas; i++) row[i] = (ushort)ranks[i];
            _small[run] = row;
        }
        else
        {
            _large![run] = ranks.ToArray();
        }
    }

    /// <summary>
    /// R's type-7 quantile of unsorted values by selection (the values are reordered): the order statistic at
    /// ⌊(n − 1)p⌋ and the smallest value above it, in linear time instead of a sort per area.
    /// </summary>
    internal static double Quantile(Span<int> values, double p)
    {
        var h = (values.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var low = Select(values, lo);
        if (lo + 1 >= values.Length || h == lo) return low;
        var next = int.MaxValue;
        foreach (var v in values[(lo + 1)..]) next = Math.Min(next, v);
        return low + (h - lo) * (next - low);
    }

    /// <summary>Hoare's selection: puts the k-th smallest value at k, smaller ones before it and larger ones after.</summary>
    private static int Select(Span<int> a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (right > left)
        {
            var pivot = a[left + (right - left) / 2];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return a[k];
        }

        return a[k];
    }

    /// <summary>Median and 5th–95th percentile rank (R type 7) over the runs that rank the area, and its mean absolute shift.</summary>
    public AreaUncertainty[] Summarise(IReadOnlyList<string> areaCodes, int[] nominal)
    {
        const int block = 256;
        const int tile = 16;
        var result = new AreaUncertainty[_areas];
        var blocks = (_areas + block - 1) / block;
        var next = -1;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, blocks));
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, TaskScheduler = TaskScheduler.Current }, _ =>
        {
            var column = new int[_runs];
            var spare = new int[_runs];
            var gathered = new int[block * _runs];
            int b;
            while ((b = Interlocked.Increment(ref next)) < blocks)
            {
                var from = b * block;
                var to = Math.Min(_areas, from + block);
                // Transposed a tile of runs at a time: each area's tile of ranks is one cache line written at once.
                for (var r0 = 0; r0 < _runs; r0 += tile)
                {
                    var r1 = Math.Min(_runs, r0 + tile);
                    for (var i = from; i < to; i++)
                    {
                        var at = (i - from) * _runs;
                        for (var r = r0; r < r1; r++) gathered[at + r] = _small is not null ? _small[r][i] : _large![r][i];
                    }
                }

                for (var i = from; i < to; i++)
                {
                    var count = 0;
                    var shift = 0L;
                    foreach (var rank in gathered.AsSpan((i - from) * _runs, _runs))
                    {
                        if (rank <= 0) continue;
                        column[count++] = rank;
                        shift += Math.Abs(rank - nominal[i]);
                    }

                    if (count == 0)
                    {
                        result[i] = new AreaUncertainty(areaCodes[i], nominal[i], double.NaN, double.NaN, double.NaN, double.NaN);
                        continue;
                    }

                    var (p05, median, p95) = _small is not null ? SortedQuantiles(column.AsSpan(0, count), spare) : Quantiles(column.AsSpan(0, count));
                    result[i] = new AreaUncertainty(areaCodes[i], nominal[i], median, p05, p95, nominal[i] > 0 ? (double)shift / count : double.NaN);
                }
            }
        });
        return result;
    }

    /// <summary>
    /// <see cref="Quantile"/> at 0.05, 0.5 and 0.95 with one selection over all values and one over each part it leaves
    /// (the values are reordered).
    /// </summary>
    internal static (double P05, double Median, double P95) Quantiles(Span<int> values)
    {
        var n = values.Length;
        var (h50, k50) = Position(n, 0.5);
        var (h05, k05) = Position(n, 0.05);
        var (h95, k95) = Position(n, 0.95);
        var a50 = Select(values, k50);
        // Now positions before k50 hold the k50 smallest values and positions after it the rest.
        var next50 = k50 + 1 < n ? Min(values[(k50 + 1)..]) : a50;
        var median = Interpolate(h50, k50, a50, next50, n);
        double p95, p05;
        if (k95 > k50)
        {
            var a95 = Select(values[(k50 + 1)..], k95 - k50 - 1);
            p95 = Interpolate(h95, k95, a95, k95 + 1 < n ? Min(values[(k95 + 1)..]) : a95, n);
        }
        else
        {
            p95 = Interpolate(h95, k95, a50, next50, n);
        }

        if (k05 < k50)
        {
            var a05 = Select(values[..k50], k05);
            p05 = Interpolate(h05, k05, a05, k05 + 1 < k50 ? Min(values[(k05 + 1)..k50]) : a50, n);
        }
        else
        {
            p05 = Interpolate(h05, k05, a50, next50, n);
        }

        return (p05, median, p95);
    }

    /// <summary>
    /// <see cref="Quantile"/> at 0.05, 0.5 and 0.95 of ranks below 65,536, sorted by a two-pass radix sort (no
    /// comparisons to mispredict); <paramref name="spare"/> is as long as the values.
    /// </summary>
    internal static (double P05, double Median, double P95) SortedQuantiles(Span<int> values, Span<int> spare)
    {
        var n = values.Length;
        Span<int> counts = stackalloc int[512];
        counts.Clear();
        foreach (var v in values)
        {
            counts[v & 0xFF]++;
            counts[256 + ((v >> 8) & 0xFF)]++;
        }

        int low = 0, high = 0;
        for (var d = 0; d < 256; d++)
        {
            var c = counts[d];
            counts[d] = low;
            low += c;
            c = counts[256 + d];
            counts[256 + d] = high;
            high += c;
        }

        foreach (var v in values) spare[counts[v & 0xFF]++] = v;
        for (var i = 0; i < n; i++)
        {
            var v = spare[i];
            values[counts[256 + ((v >> 8) & 0xFF)]++] = v;
        }

        return (Sorted(values, 0.05), Sorted(values, 0.5), Sorted(values, 0.95));

        static double Sorted(Span<int> sorted, double p)
        {
            var (h, k) = Position(sorted.Length, p);
            return Interpolate(h, k, sorted[k], k + 1 < sorted.Length ? sorted[k + 1] : sorted[k], sorted.Length);
        }
    }

    private static (double H, int K) Position(int n, double p)
    {
        var h = (n - 1) * p;
        return (h, (int)Math.Floor(h));
    }

    /// <summary>Type 7 between the order statistic <paramref name="low"/> at <paramref name="k"/> and the next, <paramref name="next"/>.</summary>
    private static double Interpolate(double h, int k, int low, int next, int n) =>
        k + 1 >= n || h == k ? low : low + (h - k) * (next - low);

    private static int Min(ReadOnlySpan<int> values)
    {
        var least = int.MaxValue;
        foreach (var v in values) least = Math.Min(least, v);
        return least;
    }
}
