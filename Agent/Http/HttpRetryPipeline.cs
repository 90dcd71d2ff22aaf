using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Http;

/// <summary>
/// The retries inside one task: timeouts, network errors, 408, 5xx and 429 are tried again with growing waits (a
/// 429 after its Retry-After); answers that will not change on a second try (404, 401, 403, an exhausted rate limit,
/// a Retry-After longer than <see cref="HttpRetryOptions.LongestRetryAfter"/>, a refused private address) are not.
/// </summary>
public static class HttpRetryPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpRetryOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstDelay,
                ShouldHandle = arguments => ValueTask.FromResult(IsTransient(arguments.Outcome, options.LongestRetryAfter)),
                DelayGenerator = arguments => ValueTask.FromResult(arguments.Outcome.Result is { } response ? RetryAfter.Of(response) : null),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, TimeSpan longestRetryAfter) => outcome switch
    {
        { Exception: TimeoutRejectedException } => true,
        { Exception: HttpRequestException { InnerException: TaskFailedException } } => false,
        { Exception: HttpRequestException } => true,
        { Result: { } response } => IsTransient(response, longestRetryAfter),
        _ => false,
    };

    private static bool IsTransient(HttpResponseMessage response, TimeSpan longestRetryAfter) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests => !QuotaExhausted(response) && !(RetryAfter.Of(response) > longestRetryAfter),
        HttpStatusCode.RequestTimeout => true,
        >= HttpStatusCode.InternalServerError => true,
        _ => false,
    };

    /// <summary>GitHub-style quota headers: waiting for the reset is the server's retry, often an hour away.</summary>
    private static bool QuotaExhausted(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Remaining", out var values) && values.FirstOrDefault() == "0";
}
