using System.Net;
using Polly.Timeout;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Http;

/// <summary>
/// Failed exchanges with an upstream as the failures a user reads on the job: retryable when a later try may work
/// (network, timeouts, 5xx, rate limits), not when it cannot (404, refused access, a refused private address).
/// Messages name the upstream, never a credential.
/// </summary>
public static class UpstreamFailure
{
    /// <returns>The failure for an exception of sending or reading, or null when it is not about the upstream (a bug, a cancelled task).</returns>
    public static TaskFailedException? FromException(Exception exception, string upstream, CancellationToken cancellationToken) => exception switch
    {
        TaskFailedException failure => failure,
        HttpRequestException { InnerException: TaskFailedException failure } => failure,
        HttpRequestException failure => new TaskFailedException($"could not reach {upstream}: {failure.Message}", retryable: true, inner: failure),
        TimeoutRejectedException or OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new TaskFailedException($"{upstream} did not answer in time", retryable: true, inner: exception),
        IOException failure => new TaskFailedException($"the connection to {upstream} broke: {failure.Message}", retryable: true, inner: failure),
        _ => null,
    };

    /// <summary>The failure for an answer that is not a success (after the in-task retries).</summary>
    public static TaskFailedException FromStatus(HttpResponseMessage response, string upstream, string notFound)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new TaskFailedException(notFound, retryable: false),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new TaskFailedException(
                $"{upstream} refused access ({status}); the job needs a credential this agent holds that grants access", retryable: false),
            HttpStatusCode.TooManyRequests => new TaskFailedException(
                $"{upstream} is limiting requests ({status}); try again later", retryable: true, DateTimeOffset.UtcNow + RetryAfter.Of(response)),
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError => new TaskFailedException($"{upstream} answered {status}", retryable: true),
            _ => new TaskFailedException($"{upstream} answered {status}", retryable: false),
        };
    }
}
