namespace Planekeeper.Grains.Notifications;

/// <summary>How an attempt ended, for the delivery's retry decision.</summary>
public enum DeliveryFailureKind
{
    /// <summary>Delivered.</summary>
    None,

    /// <summary>Timeouts, network errors, 408, 429, 5xx: tried again on the schedule.</summary>
    Retryable,

    /// <summary>Other 4xx, a refused configuration: dead at once.</summary>
    Permanent,

    /// <summary>The resolved address is not public (SSRF guard): dead at once with reason <c>blocked_address</c>.</summary>
    BlockedAddress,
}

/// <summary>
/// One attempt's outcome: the HTTP status (null for SMTP or when no answer came), the error a user reads, the first
/// 2 KB of the answer's body (for <c>test</c>) and a <c>Retry-After</c> the receiver asked for.
/// </summary>
public sealed record DeliveryAttemptResult(DeliveryFailureKind Failure, int? StatusCode, string? Error, string? ResponseBody, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Failure == DeliveryFailureKind.None;
}
