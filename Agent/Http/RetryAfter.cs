using System.Net.Http.Headers;

namespace Planekeeper.Agent.Http;

/// <summary>A response's Retry-After header (seconds or a date) as a wait from now.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response) => Of(response.Headers.RetryAfter);

    public static TimeSpan? Of(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => Max(date - DateTimeOffset.UtcNow, TimeSpan.Zero),
        _ => null,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
