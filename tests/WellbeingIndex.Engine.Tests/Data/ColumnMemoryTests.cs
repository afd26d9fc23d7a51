using WellbeingIndex.Engine.Data;

namespace WellbeingIndex.Engine.Tests.Data;

/// <summary>A column from <see cref="ColumnMemory"/> is what <c>new double[n]</c> is: n zeros, whatever the memory held before.</summary>
public sealed class ColumnMemoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8_191)]      // below the 64 KB from which pages are mapped in one call
    [InlineData(8_192)]      // exactly 64 KB
    [InlineData(33_000)]     // the benchmark's column: 66 pages
    [InlineData(1_000_003)]
    public void A_new_column_has_the_length_asked_for_and_holds_only_zeros(int length)
    {
        var column = ColumnMemory.New(length);
        Assert.Equal(length, column.Length);
        Assert.True(column.AsSpan().IndexOfAnyExcept(0.0) < 0);
    }

    [Fact]
    public void Memory_used_before_and_collected_comes_back_zeroed()
    {
        // Fill large arrays with a pattern, drop them, collect: the next columns may reuse that memory uninitialised.
        for (var round = 0; round < 20; round++)
        {
            var used = Enumerable.Range(0, 16).Select(_ => GC.AllocateUninitializedArray<double>(40_000)).ToList();
            used.ForEach(a => a.AsSpan().Fill(-7.5));
            used.Clear();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

            var fresh = Enumerable.Range(0, 16).Select(_ => ColumnMemory.New(40_000)).ToList();
            Assert.All(fresh, c => Assert.True(c.AsSpan().IndexOfAnyExcept(0.0) < 0));
        }
    }
}
