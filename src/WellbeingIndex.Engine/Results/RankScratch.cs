namespace WellbeingIndex.Engine.Results;

/// <summary>Working arrays for ranking one column of <c>n</c> scores, reused from run to run.</summary>
internal sealed class RankScratch(int n)
{
    public ulong[] Keys { get; } = new ulong[n];
    public ulong[] KeysB { get; } = new ulong[n];
    public int[] Order { get; } = new int[n];
    public int[] OrderB { get; } = new int[n];
    public int[] Counts { get; } = new int[1 << 16];
}
