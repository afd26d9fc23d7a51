namespace WellbeingIndex.Api.Jobs;

/// <summary>A job's computation: reports progress in units of <see cref="Job.Total"/>, stops when the token is cancelled.</summary>
public delegate Task<object> JobWork(IProgress<int> progress, CancellationToken cancellationToken);
