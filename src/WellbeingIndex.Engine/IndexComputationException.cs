namespace WellbeingIndex.Engine;

/// <summary>The data cannot be computed with the definition (log of a negative value, a missing column, and so on).</summary>
public sealed class IndexComputationException : Exception
{
    public IndexComputationException(string message) : base(message)
    {
    }

    public IndexComputationException(string message, Exception inner) : base(message, inner)
    {
    }
}
