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

    private int Get(int run, int area) => _small is not null ? _small[run][area] : _large![run][area];

    /// <summary>Median and 5th–95th percentile rank (R type 7) over the runs that rank the area, and its mean absolute shift.</summary>
    public AreaUncertainty[] Summarise(IReadOnlyList<string> areaCodes, int[] nominal)
    {
        const int block = 256;
        var result = new AreaUncertainty[_areas];
        Parallel.For(0, (_areas + block - 1) / block, b =>
        {
            var from = b * block;
            var to = Math.Min(_areas, from + block);
            var column = new int[_runs];
            var gathered = new int[(to - from) * _runs];
            for (var r = 0; r < _runs; r++)
            {
                for (var i = from; i < to; i++) gathered[(i - from) * _runs + r] = Get(r, i);
            }

            for (var i = from; i < to; i++)
            {
                var count = 0;
                var shift = 0.0;
                var ranks = gathered.AsSpan((i - from) * _runs, _runs);
                foreach (var rank in ranks)
                {
                    if (rank <= 0) continue;
                    column[count++] = rank;
                    shift += Math.Abs(rank - nominal[i]);
                }

                var present = column.AsSpan(0, count);
                result[i] = count == 0
                    ? new AreaUncertainty(areaCodes[i], nominal[i], double.NaN, double.NaN, double.NaN, double.NaN)
                    : new AreaUncertainty(areaCodes[i], nominal[i], Quantile(present, 0.5), Quantile(present, 0.05), Quantile(present, 0.95),
                        nominal[i] > 0 ? shift / count : double.NaN);
            }
        });
                return result;
    }
}
