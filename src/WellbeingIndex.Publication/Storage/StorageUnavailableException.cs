using Azure;

namespace WellbeingIndex.Publication.Storage;

/// <summary>
/// Table Storage could not be reached, timed out, or answered with a server error after the client's bounded retries:
/// the caller should try again later (the API answers 503 with <c>Retry-After</c>), not treat it as "not found". Carries
/// the storage's <see cref="RequestFailedException.Status"/> (0 when nothing answered) and an
/// <see cref="RequestFailedException.ErrorCode"/>: the service's code (<c>ServerBusy</c>, <c>TableNotFound</c>) or
/// <see cref="Unreachable"/> / <see cref="Timeout"/>.
/// </summary>
public sealed class StorageUnavailableException : RequestFailedException
{
    /// <summary>The error code when no connection could be made.</summary>
    public const string Unreachable = "StorageUnreachable";

    /// <summary>The error code when storage did not answer within the network timeout.</summary>
    public const string Timeout = "StorageTimeout";

    /// <param name="status">The storage's HTTP status; 0 when nothing answered.</param>
    /// <param name="errorCode">The service's error code, or <see cref="Unreachable"/> or <see cref="Timeout"/>.</param>
    /// <param name="message">What failed, for logs and the command line.</param>
    /// <param name="retryAfter">How long a caller should wait before trying again.</param>
    /// <param name="innerException">The client's exception.</param>
    public StorageUnavailableException(int status, string errorCode, string message, TimeSpan retryAfter, Exception? innerException)
        : base(status, message, errorCode, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        RetryAfter = retryAfter;
    }

    /// <summary>How long a caller should wait before trying again.</summary>
    public TimeSpan RetryAfter { get; }
}
