using System.Buffers;

namespace WellbeingIndex.Engine.Methods.Imputation;

/// <summary>Filling shared by the imputers.</summary>
internal static class Imputation
{
    public static int Fill(Span<double> column, double value)
    {
        if (double.IsNaN(value)) return 0;
        var filled = 0;
        for (var i = 0; i < column.Length; i++)
        {
            if (double.IsNaN(column[i]))
            {
                column[i] = value;
                filled++;
            }
        }

        return filled;
    }

    /// <summary>
    /// Sorts the labelled rows by group label in one pooled index array, then fills each group's run with the mean or
    /// median of its present values (the median sorts them in a second pooled array): O(n log n), nothing per cell.
    /// </summary>
    public static int FillByGroup(Span<double> column, MethodSpec spec, ColumnContext context, bool median)
    {
        var name = spec.Text("group")!;
        var labels = context.Group(name)
            ?? throw new IndexComputationException($"{spec.Method} for '{context.IndicatorCode}': there is no grouping column '{name}'.");
        if (labels.Length != column.Length)
        {
            throw new IndexComputationException(
                $"{spec.Method} for '{context.IndicatorCode}': grouping column '{name}' has {labels.Length} labels for {column.Length} areas.");
        }

        var rows = ArrayPool<int>.Shared.Rent(column.Length);
        var scratch = median ? ArrayPool<double>.Shared.Rent(column.Length) : null;
        try
        {
            var n = 0;
            for (var i = 0; i < column.Length; i++)
            {
                if (!string.IsNullOrEmpty(labels[i])) rows[n++] = i;
            }

            var order = rows.AsSpan(0, n);
            order.Sort((a, b) => string.CompareOrdinal(labels[a], labels[b]));
            var filled = 0;
            for (var start = 0; start < n;)
            {
                var end = start;
                var present = 0;
                var sum = 0.0;
                for (; end < n && labels[order[end]] == labels[order[start]]; end++)
                {
                    var v = column[order[end]];
                    if (double.IsNaN(v)) continue;
                    if (scratch is not null) scratch[present] = v;
                    present++;
                    sum += v;
                }

                if (present > 0)
                {
                    var fill = sum / present;
                    if (scratch is not null)
                    {
                        var values = scratch.AsSpan(0, present);
                        values.Sort();
                        fill = ColumnStatistics.MedianOfSorted(values);
                    }

                    for (var j = start; j < end; j++)
                    {
                        if (!double.IsNaN(column[order[j]])) continue;
                        column[order[j]] = fill;
                        filled++;
                    }
                }

                start = end;
            }

            return filled;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            if (scratch is not null) ArrayPool<double>.Shared.Return(scratch);
        }
    }
}
