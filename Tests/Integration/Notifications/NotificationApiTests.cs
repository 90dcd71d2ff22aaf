using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>Channels, templates and settings through the API: validation naming the field, secrets never shown or stored in clear.</summary>
public class NotificationApiTests(NotificationSystem system) : IClassFixture<NotificationSystem>
{
    [Theory]
    [InlineData("""{"name": "x", "type": "carrier-pigeon", "config": {}}""", "type")]
    [InlineData("""{"name": "x", "type": "webhook", "config": {"url": "not a url"}}""", "config.url")]
    [InlineData("""{"name": "x", "type": "smtp", "config": {"host": "mail", "port": 25, "from": "a@example.com", "to": []}}""", "config.to")]
    [InlineData("""{"name": "x", "type": "slack", "config": {"webhook_url": "https://hooks.slack.com/x"}, "templates": {"new_alert": "{{.Alert.Severty}}"}}""", "templates.new_alert")]
    [InlineData("""{"name": "x", "type": "webhook", "config": {"url": "https://example.com"}, "templates": {"resolved": "{\"a\": {{.Alert.ConfigName}}}"}}""", "templates.resolved")]
    [InlineData("""{"type": "webhook", "config": {"url": "https://example.com"}}""", "name")]
    public async Task A_bad_channel_is_refused_naming_the_field_on_create_and_on_validate(string body, string field)
    {
        var (owner, _) = await system.OrganizationAsync($"channels-{Guid.NewGuid():N}");
        var json = JsonDocument.Parse(body).RootElement;
        foreach (var path in new[] { "/api/v1/notification-channels", "/api/v1/notification-channels/validate" })
        {
            using var response = await owner.SendAsync(HttpMethod.Post, path, json);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{path}: {(int)response.StatusCode} {text}");
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        }
    }

    [Fact]
    public async Task Secrets_are_masked_in_every_answer_kept_on_update_and_never_stored_in_clear()
    {
        var (owner, _) = await system.OrganizationAsync("secrets");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var created = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels", new
        {
            name = "ops", type = "webhook", hmac_secret = "hmac-value-1", config = new { url = receiver.Url.ToString(), headers = new { Authorization = "Bearer token-value-2" } },
        });
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("********", created.GetProperty("config").GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.True(created.GetProperty("has_hmac_secret").GetBoolean());

        var updated = await owner.OkAsync(HttpMethod.Put, $"/api/v1/notification-channels/{id}", new
        {
            name = "ops renamed", type = "webhook", config = new { url = receiver.Url.ToString(), headers = new { Authorization = "********" } },
        });
        Assert.True(updated.GetProperty("has_hmac_secret").GetBoolean());
        var test = await owner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{id}/test");
        Assert.True(test.GetProperty("succeeded").GetBoolean(), test.ToString());
        Assert.Equal(200, test.GetProperty("status_code").GetInt32());
        Assert.Equal("{\"ok\":true}", test.GetProperty("body").GetString());
        var request = receiver.Requests.Single();
        Assert.Equal("Bearer token-value-2", request.Headers["Authorization"]);
        Assert.True(request.Headers.ContainsKey("X-Planekeeper-Signature"));

        var everything = string.Join('\n', (await owner.OkAsync(HttpMethod.Get, "/api/v1/notification-channels")).ToString(),
            (await owner.OkAsync(HttpMethod.Get, $"/api/v1/notification-channels/{id}")).ToString(),
            await system.ScalarAsync<string>($"SELECT row_to_json(c)::text FROM notification_channels c WHERE id = {id}"));
        Assert.DoesNotContain("hmac-value-1", everything);
        Assert.DoesNotContain("token-value-2", everything);
    }

    [Fact]
    public async Task Templates_are_checked_on_save_previewed_and_resolved_channel_organization_global_built_in()
    {
        var (owner, _) = await system.OrganizationAsync("templates");
        var invalid = await owner.SendAsync(HttpMethod.Put, "/api/v1/notification-templates/new_alert", new { channel_type = "slack", template = "x\n{{if .IsAcknowledged}}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("line 2, column 3", await invalid.Content.ReadAsStringAsync());

        using var admin = await system.AdminAsync();
        await admin.OkAsync(HttpMethod.Put, "/api/v1/internal/settings/notification_template.slack.resolved", new { value = "global: {{.Alert.ConfigName}}" });
        await owner.OkAsync(HttpMethod.Put, "/api/v1/notification-templates/new_alert", new { channel_type = "slack", template = "org: {{.Alert.Severity | upper}}" });
        var sources = (await owner.OkAsync(HttpMethod.Get, "/api/v1/notification-templates")).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("channel_type").GetString() == "slack")
            .ToDictionary(t => t.GetProperty("category").GetString()!, t => t.GetProperty("source").GetString());
        Assert.Equal(("organization", "built-in", "global"), (sources["new_alert"], sources["acknowledged"], sources["resolved"]));

        var preview = await owner.OkAsync(HttpMethod.Post, "/api/v1/notification-templates/preview", new { channel_type = "slack", @event = "alert.escalated" });
        Assert.Equal("org: HIGH", preview.GetProperty("text").GetString());
        var custom = await owner.OkAsync(HttpMethod.Post, "/api/v1/notification-templates/preview", new { channel_type = "webhook", template = """{"v": "{{.Alert.DiscoveredVersion}}"}""" });
        Assert.Equal("""{"v": "1.27.3"}""", custom.GetProperty("json_body").GetString());
        await admin.OkAsync(HttpMethod.Put, "/api/v1/internal/settings/notification_template.slack.resolved", new { value = "" });
    }

    [Fact]
    public async Task Settings_accept_only_known_keys_and_channels_of_the_organization_and_a_used_channel_cannot_be_deleted()
    {
        var (owner, _) = await system.OrganizationAsync("settings");
        var (other, _) = await system.OrganizationAsync("settings-other");
        var foreign = await other.CreateChannelAsync("slack", new { webhook_url = "https://hooks.slack.com/services/x" });
        var mine = await owner.CreateChannelAsync("slack", new { webhook_url = "https://hooks.slack.com/services/y" });

        Assert.Equal(HttpStatusCode.NotFound, (await owner.SendAsync(HttpMethod.Put, "/api/v1/settings/favourite_colour", new { value = "blue" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await owner.SendAsync(HttpMethod.Put, "/api/v1/settings/default_notification_channel_id", new { value = foreign.ToString() })).StatusCode);
        var settings = await owner.OkAsync(HttpMethod.Put, "/api/v1/settings/default_notification_channel_id", new { value = mine.ToString() });
        Assert.Equal(mine.ToString(), settings.GetProperty("default_notification_channel_id").GetString());

        var rule = await owner.RouteEverythingToAsync(mine);
        var refused = await owner.SendAsync(HttpMethod.Delete, $"/api/v1/notification-channels/{mine}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("everything", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await owner.SendAsync(HttpMethod.Put, $"/api/v1/notification-rules/{rule}", new { name = "x", channel_id = foreign })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/notification-rules/{rule}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/notification-channels/{mine}")).StatusCode);
        Assert.False((await owner.OkAsync(HttpMethod.Get, "/api/v1/settings")).TryGetProperty("default_notification_channel_id", out _));
    }

    [Fact]
    public async Task The_maintenance_banner_is_a_global_setting_of_a_level_and_a_message()
    {
        var (owner, _) = await system.OrganizationAsync("banner");
        using var admin = await system.AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await owner.SendAsync(HttpMethod.Put, "/api/v1/settings/maintenance_banner", new { value = "warn:mine" })).StatusCode);
        var refused = await admin.SendAsync(HttpMethod.Put, "/api/v1/internal/settings/maintenance_banner", new { value = "soon: upgrade" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("info, warn or critical", await refused.Content.ReadAsStringAsync());
        var set = await admin.OkAsync(HttpMethod.Put, "/api/v1/internal/settings/maintenance_banner", new { value = "info:Agents 2.0 are out" });
        Assert.Equal("info:Agents 2.0 are out", set.GetProperty("maintenance_banner").GetString());
        var cleared = await admin.OkAsync(HttpMethod.Put, "/api/v1/internal/settings/maintenance_banner", new { value = "" });
        Assert.False(cleared.TryGetProperty("maintenance_banner", out _));
    }
}
