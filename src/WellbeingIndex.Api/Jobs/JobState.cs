namespace WellbeingIndex.Api.Jobs;

/// <summary>Where a job is in its life: queued, then running, then one of the three final states.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
