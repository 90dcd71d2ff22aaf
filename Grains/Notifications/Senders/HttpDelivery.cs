using System.Net;
using System.Text;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>
/// Sends one HTTP request and classifies the answer (docs/notifications.md, "Delivery statuses and retries"): 2xx
/// delivered; 408, 429, 5xx, timeouts and network errors retryable; any other status (3xx included, redirects are not
/// followed) permanent; a blocked address its own kind.
/// </summary>
public static class HttpDelivery
{
    private const int BodyPrefixBytes = 2048;

    public static async Task<DeliveryAttemptResult> SendAsync(NotificationHttp http, HttpRequestMessage request, CancellationToken cancellationToken, Func<string, string>? redact = null)
    {
        redact ??= text => text;
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await BodyPrefixAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new DeliveryAttemptResult(DeliveryFailureKind.None, status, null, body),
                408 or 429 or >= 500 => new DeliveryAttemptResult(DeliveryFailureKind.Retryable, status, $"the receiver answered {status} {response.ReasonPhrase}", body, RetryAfter(response, http.Clock)),
                _ => new DeliveryAttemptResult(DeliveryFailureKind.Permanent, status, $"the receiver answered {status} {response.ReasonPhrase}", body),
            };
        }
        catch (Exception e) when (Blocked(e) is { } blocked)
        {
            return new DeliveryAttemptResult(DeliveryFailureKind.BlockedAddress, null, blocked.Message, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttemptResult(DeliveryFailureKind.Retryable, null, $"no answer within {NotificationHttp.Timeout.TotalSeconds:0} s", null);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryAttemptResult(DeliveryFailureKind.Retryable, null, redact($"could not reach the receiver: {e.Message}"), null);
        }
    }

    private static BlockedAddressException? Blocked(Exception e) => e switch
    {
        BlockedAddressException blocked => blocked,
        { InnerException: { } inner } => Blocked(inner),
        _ => null,
    };

    private static async Task<string> BodyPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[BodyPrefixBytes];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
