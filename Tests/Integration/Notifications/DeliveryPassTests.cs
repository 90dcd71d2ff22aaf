using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>
/// The round-trip-saving parts of the path from an alert event to a receiver (docs/notifications.md, "Delivery
/// statuses and retries"): routing inputs read in the alert's own round trip (or read first) and written in one statement, a delivery pass that starts a batch and
/// reads what it needs in one round trip, outcomes written in groups.
/// </summary>
public class DeliveryPassTests(ClockedNotificationSystem system) : IClassFixture<ClockedNotificationSystem>
{
    [Fact]
    public async Task Events_routed_by_two_routers_at_once_get_one_delivery_each_and_each_match_is_counted_once()
    {
        var (owner, _) = await system.OrganizationAsync("routing-race");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() });
        var rule = await owner.RouteEverythingToAsync(channel);
        var events = await UnroutedEventsAsync(owner.OrganizationId!.Value, "race", 3);

        var router = system.SiloServices.GetRequiredService<IAlertEventRouter>();
        await Task.WhenAll(router.RouteAsync(events), router.RouteAsync(events), router.RouteAsync(events.Reverse().ToList()));

        var ids = string.Join(",", events);
        Assert.Equal(3, await system.ScalarAsync<long>($"SELECT count(*) FROM notification_deliveries WHERE alert_action_id IN ({ids})"));
        Assert.Equal(0, await system.ScalarAsync<long>($"SELECT count(*) FROM alert_actions WHERE id IN ({ids}) AND routed_at IS NULL"));
        Assert.Equal(3, await system.ScalarAsync<long>($"SELECT matched FROM notification_rules WHERE id = {rule}"));
        await receiver.ReceivedAsync(3, "the three events' webhooks");
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task An_alerts_write_returns_its_new_events_with_its_organizations_routing_inputs_and_routing_them_delivers_each_once()
    {
        var (owner, _) = await system.OrganizationAsync("inputs-in-the-write");
        var (other, _) = await system.OrganizationAsync("inputs-of-another");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() });
        var rule = await owner.RouteEverythingToAsync(channel);
        await owner.OkAsync(HttpMethod.Put, "/api/v1/settings/default_notification_channel_id", new { value = channel.ToString() });
        await other.RouteEverythingToAsync(await other.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var organization = owner.OrganizationId!.Value;
        var now = DateTime.UtcNow;
        var alert = new AlertRow
        {
            OrganizationId = organization, ConfigName = "written by hand", Severity = "high", BehindBy = 2, DiscoveredVersion = "1.0.0", Reason = "behind",
            CreatedAt = now, UpdatedAt = now,
        };

        var saved = await system.SiloServices.GetRequiredService<AlertStore>().SaveAsync(
            alert, [new AlertStep(AlertActions.Created, AlertEvents.Created), new AlertStep(AlertActions.Updated, null)], "system", "{}", now, null);

        var (row, written) = saved!.Value;
        Assert.Equal([(row.Id, organization, "alert.created", "high")], written.Events.Select(e => (e.AlertId, e.OrganizationId, e.Event, e.Severity)));
        Assert.Equal([organization], written.Inputs.Rules.Select(rules => rules.Key));
        Assert.Equal([rule], written.Inputs.Rules[organization].Select(r => r.Id));
        Assert.Equal([channel], written.Inputs.Channels);
        Assert.Equal(channel, written.Inputs.Defaults[organization]);
        var router = system.SiloServices.GetRequiredService<IAlertEventRouter>();
        await router.RouteAsync(written);
        await router.RouteAsync(written.Events.Select(e => e.Id).ToList());
        await receiver.ReceivedAsync(1, "the alert.created webhook");
        Assert.Equal(1, await system.ScalarAsync<long>($"SELECT count(*) FROM notification_deliveries WHERE alert_id = {row.Id}"));
        Assert.Equal(1, await system.ScalarAsync<long>($"SELECT matched FROM notification_rules WHERE id = {rule}"));
    }

    [Fact]
    public async Task More_due_deliveries_than_one_batch_all_arrive_once_rendered_with_the_organizations_template_and_end_succeeded()
    {
        var (owner, _) = await system.OrganizationAsync("big-batch");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() });
        await owner.RouteEverythingToAsync(channel);
        await owner.OkAsync(HttpMethod.Put, "/api/v1/notification-templates/new_alert",
            new { channel_type = "webhook", template = """{"config": "{{.Alert.ConfigName}}"}""" });
        var events = await UnroutedEventsAsync(owner.OrganizationId!.Value, "batch", 40);

        await system.SiloServices.GetRequiredService<IAlertEventRouter>().RouteAsync(events);

        var requests = await receiver.ReceivedAsync(40, "forty webhooks");
        var configs = requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("config").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"batch {n}").Order(), configs.Order());
        await Eventually.ReturnsAsync(() => owner.DeliveriesAsync("succeeded"), items => items.Count == 40, TimeSpan.FromSeconds(15), "every outcome written");
        Assert.Equal(40, receiver.Requests.Count);
    }

    /// <summary>
    /// <paramref name="count"/> active alerts without a config (<c>{name} 1</c> …), each with an unrouted
    /// <c>alert.created</c> event, as an alert's transaction leaves them before the router runs; returns the events' ids.
    /// </summary>
    private async Task<IReadOnlyList<long>> UnroutedEventsAsync(long organizationId, string name, int count) =>
        await system.ScalarAsync<long[]>(
            $"""
            WITH raised AS (
                INSERT INTO alerts (organization_id, config_name, severity, behind_by, discovered_version, reason, created_at, updated_at)
                SELECT {organizationId}, '{name} ' || g, 'high', 2, '1.0.0', 'behind', now(), now() FROM generate_series(1, {count}) AS g
                RETURNING id, organization_id),
            events AS (
                INSERT INTO alert_actions (alert_id, organization_id, action, event, actor, severity, created_at)
                SELECT id, organization_id, 'created', 'alert.created', 'system', 'high', now() FROM raised
                RETURNING id)
            SELECT array_agg(id ORDER BY id) FROM events
            """);
}
