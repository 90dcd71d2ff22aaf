using System.Net;
using System.Text.Json;
using Planekeeper.Grains.Notifications.Senders;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>From a job completion to a receiver: routing, the wire format, retries, dead letters and acknowledge links.</summary>
public class NotificationPipelineTests(NotificationSystem system) : IClassFixture<NotificationSystem>
{
    [Fact]
    public async Task An_agent_run_scrape_that_raises_an_alert_sends_one_signed_webhook_whose_ack_link_acknowledges_it()
    {
        var (owner, key) = await system.OrganizationAsync("end-to-end");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = $"{receiver.Url}hooks" }, hmacSecret: "s3cret");
        await owner.OkAsync(HttpMethod.Put, "/api/v1/settings/default_notification_channel_id", new { value = channel.ToString() });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules", new { name = "to the default channel", priority = 1 });
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "end-to-end-agent");
        var gatherJob = await owner.CreateGatherJobAsync("kubernetes");
        var scrapeJob = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "prod cluster", repository_url = "https://git.example.com/acme/infra.git", target_file = "values.yaml", parse_type = "yq", parse_expression = ".version",
        })).GetProperty("id").GetInt64();
        await owner.CreateConfigAsync("k8s prod", scrapeJob, gatherJob, await owner.CreateRuleAsync("majors_behind", 1, 2, 3));

        foreach (var task in await agent.ClaimAllAsync())
        {
            Assert.Equal(HttpStatusCode.OK, task.GetProperty("kind").GetString() == "gather_job"
                ? await agent.CompleteAsync(TestAgent.TaskId(task), new { releases = new[] { new { version = "1.0.0" }, new { version = "2.0.0" }, new { version = "3.0.0" } } })
                : await agent.CompleteAsync(TestAgent.TaskId(task), new { version = "1.0.0", commit_sha = "abc123" }));
        }

        var created = (await receiver.ReceivedAsync(1, "the alert.created webhook")).Single();
        var timestamp = long.Parse(created.Headers["X-Planekeeper-Timestamp"]);
        Assert.Equal(WebhookSignature.Sign("s3cret", timestamp, created.Body), created.Headers["X-Planekeeper-Signature"]);
        Assert.Equal("alert.created", created.Headers["X-Planekeeper-Event"]);
        using var payload = JsonDocument.Parse(created.Body);
        var alert = payload.RootElement.GetProperty("alert");
        Assert.Equal(("k8s prod", "high", "1.0.0", "3.0.0", 2), (alert.GetProperty("config_name").GetString(), alert.GetProperty("severity").GetString(),
            alert.GetProperty("discovered_version").GetString(), alert.GetProperty("latest_version").GetString(), alert.GetProperty("behind_by").GetInt32()));
        Assert.Equal(created.Headers["X-Planekeeper-Delivery"], payload.RootElement.GetProperty("idempotency_key").GetString());
        Assert.Equal("end-to-end", payload.RootElement.GetProperty("organization").GetProperty("name").GetString());

        using var anybody = system.Client();
        var page = await anybody.SendAsync(HttpMethod.Get, $"/ack/{created.AckToken()}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Acknowledge", await page.Content.ReadAsStringAsync());
        Assert.False((await owner.AlertsAsync()).Single().GetProperty("acknowledged").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await anybody.SendAsync(HttpMethod.Post, $"/ack/{created.AckToken()}")).StatusCode);

        var acknowledged = (await owner.AlertsAsync()).Single();
        Assert.True(acknowledged.GetProperty("acknowledged").GetBoolean());
        Assert.Equal($"link:channel:{channel}", acknowledged.GetProperty("acknowledged_by").GetString());
        Assert.Equal("alert.acknowledged", (await receiver.ReceivedAsync(2, "the alert.acknowledged webhook"))[1].Headers["X-Planekeeper-Event"]);
        var deliveries = (await owner.OkAsync(HttpMethod.Get, $"/api/v1/alerts/{acknowledged.GetProperty("id").GetInt64()}/deliveries")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, deliveries.Count);
        await Eventually.ReturnsAsync(() => owner.DeliveriesAsync("succeeded"), items => items.Count == 2, TimeSpan.FromSeconds(10), "both deliveries succeeded");
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_on_the_schedule_until_it_answers()
    {
        var (owner, key) = await system.OrganizationAsync("retries");
        await using var receiver = await ReceiverStandIn.StartAsync();
        receiver.AnswerNext(500);
        receiver.AnswerNext(503);
        await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var deploy = await system.AlertByHandAsync(owner, key, "retries");
        await deploy("1.0.0");

        var requests = await receiver.ReceivedAsync(3, "two failures and a success");
        Assert.Equal([500, 503, 200], requests.Select(r => r.AnsweredWith));
        Assert.Single(requests.Select(r => r.Headers["X-Planekeeper-Delivery"]).Distinct());
        Assert.InRange((requests[1].At - requests[0].At).TotalSeconds, 0.9, 10);
        Assert.InRange((requests[2].At - requests[1].At).TotalSeconds, 1.9, 12);
        var delivery = await Eventually.ReturnsAsync(() => owner.DeliveriesAsync(), items => items.Single().GetProperty("status").GetString() == "succeeded",
            TimeSpan.FromSeconds(10), "the delivery succeeded");
        Assert.Equal(3, delivery.Single().GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.Single().GetProperty("last_status_code").GetInt32());
        Assert.Contains("503", delivery.Single().GetProperty("last_error").GetString());
    }

    [Fact]
    public async Task A_delivery_pass_the_database_fails_is_tried_again_within_seconds_without_waiting_for_the_recovery_pass()
    {
        var (owner, key) = await system.OrganizationAsync("failed-pass");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() });
        await owner.RouteEverythingToAsync(channel);
        var deploy = await system.AlertByHandAsync(owner, key, "failed-pass");
        // Every start of an attempt over this channel fails in the database until the trigger goes.
        await system.ScalarAsync<int>($"""
            CREATE FUNCTION refuse_delivery_{channel}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
            CREATE TRIGGER refuse_delivery_{channel} BEFORE UPDATE ON notification_deliveries FOR EACH ROW WHEN (OLD.channel_id = {channel}) EXECUTE FUNCTION refuse_delivery_{channel}();
            SELECT 1
            """);
        await deploy("1.0.0");

        // The recovery pass runs once a minute: two failed passes within 20 s mean the channel retried on its own.
        var failure = $"A delivery pass of channel {channel} failed";
        await Eventually.ReturnsAsync(() => Task.FromResult(system.Silos[0].Process.Output), output => output.Split(failure).Length > 2, TimeSpan.FromSeconds(20),
            "two failed passes", output => $"{output.Split(failure).Length - 1} failed pass(es) logged");
        await system.ScalarAsync<int>($"DROP TRIGGER refuse_delivery_{channel} ON notification_deliveries; DROP FUNCTION refuse_delivery_{channel}(); SELECT 1");

        Assert.Equal(200, (await receiver.ReceivedAsync(1, "the delivery after the failed passes", timeoutSeconds: 20)).Single().AnsweredWith);
    }

    [Fact]
    public async Task A_400_is_dead_at_once_a_429_is_retried_and_a_dead_delivery_can_be_retried_by_hand()
    {
        var (owner, key) = await system.OrganizationAsync("dead-letters");
        await using var receiver = await ReceiverStandIn.StartAsync();
        receiver.AnswerNext(400);
        await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var deploy = await system.AlertByHandAsync(owner, key, "dead-letters");
        await deploy("1.0.0");

        var dead = (await Eventually.ReturnsAsync(() => owner.OkAsync(HttpMethod.Get, "/api/v1/notification-deliveries/dead"),
            page => page.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(20), "a dead delivery")).GetProperty("items")[0];
        Assert.Equal((1, 400), (dead.GetProperty("attempts").GetInt32(), dead.GetProperty("last_status_code").GetInt32()));
        // Dead after one attempt is the delivery's final word: an attempt is counted before it is made and a dead
        // delivery is never due again, so what the receiver holds now is everything it will get.
        Assert.Single(receiver.Requests);

        receiver.AnswerNext(429, "1");
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/notification-deliveries/{dead.GetProperty("id").GetInt64()}/retry");
        var requests = await receiver.ReceivedAsync(3, "the retried delivery, a 429 and a success");
        Assert.Equal([400, 429, 200], requests.Select(r => r.AnsweredWith));
        Assert.Single(requests.Select(r => r.Headers["X-Planekeeper-Delivery"]).Distinct());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync($"/api/v1/notification-deliveries/{dead.GetProperty("id").GetInt64()}/retry")).StatusCode);
    }

    [Fact]
    public async Task A_delivery_over_a_disabled_channel_is_dead_without_an_attempt()
    {
        var (owner, key) = await system.OrganizationAsync("disabled-channel");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() });
        await owner.RouteEverythingToAsync(channel);
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/toggle");
        var deploy = await system.AlertByHandAsync(owner, key, "disabled-channel");
        await deploy("1.0.0");

        var dead = (await Eventually.ReturnsAsync(() => owner.DeliveriesAsync("dead"), items => items.Count == 1, TimeSpan.FromSeconds(20), "a dead delivery")).Single();
        Assert.Equal((0, "the channel is disabled"), (dead.GetProperty("attempts").GetInt32(), dead.GetProperty("last_error").GetString()));
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Succeeded_deliveries_older_than_thirty_days_are_cleaned_up_and_the_rest_stay()
    {
        var (owner, key) = await system.OrganizationAsync("cleanup");
        await using var receiver = await ReceiverStandIn.StartAsync();
        await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var deploy = await system.AlertByHandAsync(owner, key, "cleanup");
        await deploy("1.0.0");
        await deploy("3.0.0");
        var succeeded = await Eventually.ReturnsAsync(() => owner.DeliveriesAsync("succeeded"), items => items.Count == 2, TimeSpan.FromSeconds(20), "two deliveries");
        var old = succeeded[1].GetProperty("id").GetInt64();
        await system.ScalarAsync<int>($"UPDATE notification_deliveries SET succeeded_at = now() - interval '31 days' WHERE id = {old} RETURNING 1");

        using var admin = await system.AdminAsync();
        Assert.Equal(1, (await admin.OkAsync(HttpMethod.Post, "/api/v1/internal/notifications/cleanup")).GetProperty("deleted").GetInt32());
        Assert.Equal([succeeded[0].GetProperty("id").GetInt64()], (await owner.DeliveriesAsync()).Select(d => d.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task PagerDuty_triggers_on_the_alert_and_resolves_the_same_incident_when_it_resolves()
    {
        var (owner, key) = await system.OrganizationAsync("pagerduty");
        await using var receiver = await ReceiverStandIn.StartAsync();
        receiver.DefaultStatus = 202;
        await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("pagerduty", new { routing_key = "R0UTE", api_url = $"{receiver.Url}v2/enqueue" }));
        var deploy = await system.AlertByHandAsync(owner, key, "pagerduty");
        await deploy("1.0.0");
        await receiver.ReceivedAsync(1, "the trigger");
        await deploy("3.0.0");

        var bodies = (await receiver.ReceivedAsync(2, "the resolve")).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["trigger", "resolve"], bodies.Select(b => b.GetProperty("event_action").GetString()));
        Assert.Single(bodies.Select(b => b.GetProperty("dedup_key").GetString()).Distinct());
    }

    [Fact]
    public async Task Rules_route_by_priority_and_filters_and_a_match_without_any_channel_is_counted_as_skipped()
    {
        var (owner, key) = await system.OrganizationAsync("routing");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("slack", new { webhook_url = $"{receiver.Url}slack" });
        var critical = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules",
            new { name = "criticals", priority = 5, severities = new[] { "critical" }, channel_id = channel });
        var orphan = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules", new { name = "no channel", priority = 1 })).GetProperty("id").GetInt64();
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules",
            new { name = "resolutions", priority = 9, event_types = new[] { "alert.resolved" }, channel_id = channel });

        var simulated = await owner.OkAsync(HttpMethod.Post, "/api/v1/notification-rules/simulate", new { @event = "alert.created", severity = "critical" });
        Assert.Equal(["no channel", "criticals"], simulated.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([channel], simulated.GetProperty("channel_ids").EnumerateArray().Select(c => c.GetInt64()));

        var deploy = await system.AlertByHandAsync(owner, key, "routing");
        await deploy("1.0.0");     // high: only the rule without a channel matches
        await Eventually.ReturnsAsync(() => owner.OkAsync(HttpMethod.Get, $"/api/v1/notification-rules/{orphan}/stats"),
            stats => stats.GetProperty("skipped").GetInt64() == 1, TimeSpan.FromSeconds(10), "the skipped match counted");
        await deploy("3.0.0");     // resolved: the resolutions rule
        var request = (await receiver.ReceivedAsync(1, "the resolution on slack")).Single();
        Assert.StartsWith("Resolved:", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
        Assert.Equal(0, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/notification-rules/{critical.GetProperty("id").GetInt64()}/stats")).GetProperty("matched").GetInt64());
        var stats = await owner.OkAsync(HttpMethod.Get, $"/api/v1/notification-channels/{channel}/stats");
        Assert.Equal(1, stats.GetProperty("sent").GetInt64());
    }
}
