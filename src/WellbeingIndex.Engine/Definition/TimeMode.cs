namespace WellbeingIndex.Engine.Definition;

/// <summary>How a panel's periods share treatment and normalisation parameters (COINr's <c>global</c> argument and more).</summary>
public enum TimeMode
{
    /// <summary>Each period on its own (COINr purse, <c>global = FALSE</c>): scores compare areas within a period only.</summary>
    PerPeriod,

    /// <summary>Parameters over every area-period together, applied to each period (COINr <c>global = TRUE</c>).</summary>
    Pooled,

    /// <summary>Parameters from one base period applied to every period, without truncation (ONS Health Index: 2015 = 100).</summary>
    BasePeriod,
}
