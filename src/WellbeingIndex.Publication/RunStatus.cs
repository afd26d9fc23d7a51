namespace WellbeingIndex.Publication;

/// <summary>Where a run is in publication. Readers are only ever given <see cref="Complete"/> runs.</summary>
public enum RunStatus
{
    /// <summary>Rows are being written; a publish that died midway stays here until it is re-run.</summary>
    Writing,
    Complete,
}
