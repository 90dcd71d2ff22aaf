namespace Planekeeper.Agent.Http;

/// <summary>
/// How one task retries a transient upstream failure before giving up: <see cref="Attempts"/> tries in all (at least
/// 2), waits growing from <see cref="FirstDelay"/>, a server's Retry-After honoured up to <see cref="LongestRetryAfter"/>
/// (a longer wait is the server's retry, not this task's), and each try cut off after <see cref="AttemptTimeout"/>.
/// </summary>
public sealed record HttpRetryOptions(int Attempts, TimeSpan FirstDelay, TimeSpan LongestRetryAfter, TimeSpan AttemptTimeout)
{
    public static readonly HttpRetryOptions Default = new(
        Attempts: 3, FirstDelay: TimeSpan.FromSeconds(1), LongestRetryAfter: TimeSpan.FromSeconds(30), AttemptTimeout: TimeSpan.FromSeconds(30));
}
