using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>
/// The round-trip-saving parts of the path from an alert event to a receiver (docs/notifications.md, "Delivery
/// statuses and retries"): routing inputs read in the alert's own round trip (or read first) and written in one statement
/// that counts the rules' matches without writing their rows, a delivery pass that starts a batch and reads what it
/// needs in one round trip, outcomes written in groups.
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
        Assert.Equal(3, (await system.SiloServices.GetRequiredService<NotificationRuleStore>().GetAsync(rule))!.Matched);
        await receiver.ReceivedAsync(3, "the three events' webhooks");
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Routing_does_not_wait_for_a_lock_on_the_rules_row_and_its_matches_count_at_once()
    {
        var (owner, _) = await system.OrganizationAsync("routing-beside-a-locked-rule");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var rule = await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var events = await UnroutedEventsAsync(owner.OrganizationId!.Value, "locked rule", 3);
        await using var locker = new NpgsqlConnection(system.Database.ConnectionString);
        await locker.OpenAsync();
        await using var lockHeld = await locker.BeginTransactionAsync();
        await new NpgsqlCommand($"SELECT 1 FROM notification_rules WHERE id = {rule} FOR UPDATE", locker, lockHeld).ExecuteScalarAsync();

        // Another router's routing (or a user's edit of the rule) holds the row: this routing must not queue behind it.
        await system.SiloServices.GetRequiredService<IAlertEventRouter>().RouteAsync(events).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, (await system.SiloServices.GetRequiredService<NotificationRuleStore>().GetAsync(rule))!.Matched);
        await receiver.ReceivedAsync(3, "the three events' webhooks");
        await lockHeld.RollbackAsync();
    }

    [Fact]
    public async Task The_minutely_fold_moves_a_rules_appended_counts_into_its_row_and_drops_those_of_deleted_rules()
    {
        var (owner, _) = await system.OrganizationAsync("rule-count-fold");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var rule = await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var router = system.SiloServices.GetRequiredService<IAlertEventRouter>();
        await router.RouteAsync(await UnroutedEventsAsync(owner.OrganizationId!.Value, "fold a", 2));
        await router.RouteAsync(await UnroutedEventsAsync(owner.OrganizationId!.Value, "fold b", 1));
        await system.ScalarAsync<int>("INSERT INTO notification_rule_counts (rule_id, matched, skipped) VALUES (-1, 5, 5) RETURNING 1");

        // The pass's own reminder may have folded some already; the outcome is the same.
        await system.Grains.GetGrain<IDeliveryRecoveryGrain>(0).FoldRuleCountsAsync();

        Assert.Equal(3, await system.ScalarAsync<long>($"SELECT matched FROM notification_rules WHERE id = {rule}"));
        Assert.Equal(0, await system.ScalarAsync<long>($"SELECT count(*) FROM notification_rule_counts WHERE rule_id IN ({rule}, -1)"));
        var stats = await owner.OkAsync(HttpMethod.Get, $"/api/v1/notification-rules/{rule}/stats");
        Assert.Equal((3, 0), (stats.GetProperty("matched").GetInt64(), stats.GetProperty("skipped").GetInt64()));
        await receiver.ReceivedAsync(3, "the three events' webhooks");
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
        Assert.Equal(1, (await system.SiloServices.GetRequiredService<NotificationRuleStore>().GetAsync(rule))!.Matched);
    }

    [Fact]
    public async Task An_evaluations_alert_write_routes_its_event_in_the_same_transaction()
    {
        var (owner, key) = await system.OrganizationAsync("routed-in-the-write");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var rule = await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var deploy = await system.AlertByHandAsync(owner, key, "routed-in-the-write");

        await deploy("1.0.0");

        await receiver.ReceivedAsync(1, "the alert.created webhook");
        var organization = owner.OrganizationId!.Value;
        // A row carries the id of the transaction that last wrote it in xmin: the event was marked routed by the
        // alert's own write (a router's later UPDATE would give it another), and its delivery was written then too.
        Assert.Equal(1, await system.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM alert_actions a
              JOIN alerts al ON al.id = a.alert_id AND al.xmin::text = a.xmin::text
              JOIN notification_deliveries d ON d.alert_action_id = a.id AND d.created_at = a.routed_at
             WHERE a.organization_id = {organization} AND a.event = 'alert.created' AND a.routed_at IS NOT NULL
            """));
        Assert.Equal(1, (await system.SiloServices.GetRequiredService<NotificationRuleStore>().GetAsync(rule))!.Matched);
    }

    [Fact]
    public async Task An_alert_write_whose_channel_is_deleted_while_it_routes_is_written_unrouted_for_the_router()
    {
        var (owner, _) = await system.OrganizationAsync("channel-deleted-during-the-write");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() });
        var organization = owner.OrganizationId!.Value;
        var inputs = new RoutingInputs(
            new[] { new RoutingInputs.RuleRow { Id = -1, OrganizationId = organization, Name = "read before", Priority = 1, ChannelId = channel } }.ToLookup(r => r.OrganizationId),
            new HashSet<long> { channel }, new Dictionary<long, long?>());
        var now = DateTime.UtcNow;
        var alert = new AlertRow
        {
            OrganizationId = organization, ConfigName = "channel deleted meanwhile", Severity = "high", BehindBy = 2, DiscoveredVersion = "1.0.0", Reason = "behind",
            CreatedAt = now, UpdatedAt = now,
        };
        await using var deleter = new NpgsqlConnection(system.Database.ConnectionString);
        await deleter.OpenAsync();
        await using var deletion = await deleter.BeginTransactionAsync();
        await new NpgsqlCommand($"DELETE FROM notification_channels WHERE id = {channel}", deleter, deletion).ExecuteNonQueryAsync();

        // The write still sees the channel, so its delivery's key check waits for the deletion, which then commits.
        var save = system.SiloServices.GetRequiredService<AlertStore>().SaveAsync(
            alert, [new AlertStep(AlertActions.Created, AlertEvents.Created)], "system", "{}", now, null, inputs);
        await Eventually.ReturnsAsync(
            () => system.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'WITH saved AS (INSERT INTO alerts%'"),
            waiting => waiting == 1, TimeSpan.FromSeconds(10), "the alert's write waiting on the deleted channel's row");
        await deletion.CommitAsync();

        var (row, written) = (await save.WaitAsync(TimeSpan.FromSeconds(30)))!.Value;
        Assert.Null(written.RoutedChannels);
        Assert.Equal(1, await system.ScalarAsync<long>($"SELECT count(*) FROM alert_actions WHERE alert_id = {row.Id} AND event = 'alert.created' AND routed_at IS NULL"));
        Assert.Equal(0, await system.ScalarAsync<long>($"SELECT count(*) FROM notification_rule_counts WHERE rule_id = -1"));
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
