using System.Diagnostics;
using System.Net.Http.Json;

namespace Planekeeper.Bench.NotificationLatency;

/// <summary>
/// The baseline: the same receiver sent a webhook-sized <c>alert.created</c> body straight from an HttpClient, at
/// the paced run's rate. Whatever Planekeeper adds on top of this is its own time.
/// </summary>
public static class DirectPosts
{
    public static async Task<List<double>> MeasureAsync(Receiver receiver, int count, TimeSpan interval)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var sentAt = new long[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await Pacing.WaitForSlotAsync(start, i, interval);
            sentAt[i] = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(receiver.Url, Body($"base-{i}"));
            response.EnsureSuccessStatusCode();
        }

        return Enumerable.Range(0, count)
            .Select(i => receiver.TryArrival($"base-{i}", out var arrived) ? Stopwatch.GetElapsedTime(sentAt[i], arrived).TotalMilliseconds : double.NaN)
            .ToList();
    }

    private static object Body(string configName) => new
    {
        @event = "alert.created",
        idempotency_key = Guid.NewGuid(),
        occurred_at = DateTime.UtcNow,
        organization = new { id = 1, name = "baseline" },
        alert = new
        {
            id = 1, config_id = 1, config_name = configName, severity = "high", rule_type = "majors_behind", behind_by = 2,
            discovered_version = "1.0.0", latest_version = "3.0.0", acknowledged = false, created_at = DateTime.UtcNow,
        },
        acknowledge_url = "http://localhost:8080/ack/" + new string('x', 180),
    };
}
