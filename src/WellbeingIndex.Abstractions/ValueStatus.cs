namespace WellbeingIndex.Abstractions;

/// <summary>Why a value is, or is not, usable. Missing values keep the publisher's reason so nothing is hidden.</summary>
public enum ValueStatus
{
    /// <summary>A usable value.</summary>
    Ok,

    /// <summary>Withheld by the publisher (disclosure control, small counts).</summary>
    Suppressed,
    /// <summary>Published with a warning that it is not reliable (for example a high coefficient of variation).</summary>
    Unreliable,
    /// <summary>The source has no value for this area and period.</summary>
    NotAvailable,
}
