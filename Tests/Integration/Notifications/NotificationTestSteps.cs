using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>The steps notification tests repeat: a channel, a catch-all rule, an alert raised by hand, what a receiver got.</summary>
public static class NotificationTestSteps
{
    public static async Task<long> CreateChannelAsync(this ApiClient owner, string type, object config, string? hmacSecret = null, bool requireAckAuth = false) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels",
            new { name = $"{type} channel", type, config, hmac_secret = hmacSecret, require_ack_auth = requireAckAuth })).GetProperty("id").GetInt64();

    public static async Task<long> RouteEverythingToAsync(this ApiClient owner, long channelId) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules", new { name = "everything", priority = 10, channel_id = channelId }))
            .GetProperty("id").GetInt64();

    /// <summary>
    /// A majors_behind 1/2/3 config over a manual scrape job and a gather job whose releases are 1.0.0 … 3.0.0; the
    /// returned action raises (or moves) its alert by setting the deployed version.
    /// </summary>
    public static async Task<Func<string, Task>> AlertByHandAsync(this RunningSystem system, ApiClient owner, string agentKey, string name)
    {
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, agentKey, $"{name}-agent");
        var gatherJob = await owner.CreateGatherJobAsync($"{name} upstream");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0", "3.0.0");
        var scrapeJob = await owner.CreateManualScrapeJobAsync($"{name} deployed");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        await owner.CreateConfigAsync(name, scrapeJob, gatherJob, rule);
        return version => owner.SetVersionAsync(scrapeJob, version);
    }

    public static Task<IReadOnlyList<ReceivedRequest>> ReceivedAsync(this ReceiverStandIn receiver, int count, string what, int timeoutSeconds = 30) =>
        Eventually.ReturnsAsync(() => Task.FromResult(receiver.Requests), requests => requests.Count >= count, TimeSpan.FromSeconds(timeoutSeconds), what,
            requests => $"{requests.Count} request(s) arrived" + string.Concat(requests.Select(r => $"; {r.Headers.GetValueOrDefault("X-Planekeeper-Event")} answered {r.AnsweredWith} at {r.At:HH:mm:ss.fff}")));

    public static async Task<List<JsonElement>> DeliveriesAsync(this ApiClient owner, string? status = null) =>
        (await owner.OkAsync(HttpMethod.Get, "/api/v1/notification-deliveries" + (status is null ? "" : $"?status={status}")))
            .GetProperty("items").EnumerateArray().ToList();

    public static string AckToken(this ReceivedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("acknowledge_url").GetString()!.Split("/ack/")[1];
}
