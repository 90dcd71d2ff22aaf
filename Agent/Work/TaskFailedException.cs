namespace Planekeeper.Agent.Work;

/// <summary>
/// A task that cannot produce its result, with a message a user understands (it is shown on the job). A retryable
/// failure is tried again by the server (up to its attempt limit); <see cref="RetryAfter"/> says when it could work.
/// </summary>
public sealed class TaskFailedException(string message, bool retryable, DateTimeOffset? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;

    public DateTimeOffset? RetryAfter { get; } = retryAfter;
}
