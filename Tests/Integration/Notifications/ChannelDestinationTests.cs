using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>
/// Secrets follow their destination (docs/notifications.md): an edit that points a channel elsewhere without sending
/// its secrets again is refused naming each one; sent again, it is saved.
/// </summary>
public class ChannelDestinationTests(NotificationSystem system) : IClassFixture<NotificationSystem>
{
    [Theory]
    [InlineData("webhook",
        """{"url": "https://a.example/hook", "headers": {"Authorization": "Bearer secret-1"}}""",
        """{"url": "https://b.example/hook", "headers": {"Authorization": "********"}}""",
        """{"url": "https://b.example/hook", "headers": {"Authorization": "Bearer secret-2"}}""",
        "config.headers.authorization,hmac_secret")] // the API writes error keys camel-cased
    [InlineData("slack", """{"webhook_url": "https://hooks.slack.com/a"}""", """{"webhook_url": "https://hooks.slack.com/b"}""", """{"webhook_url": "https://hooks.slack.com/b"}""", "hmac_secret")]
    [InlineData("discord", """{"webhook_url": "https://discord.example/a"}""", """{"webhook_url": "https://discord.example/b"}""", """{"webhook_url": "https://discord.example/b"}""", "hmac_secret")]
    [InlineData("teams", """{"webhook_url": "https://teams.example/a"}""", """{"webhook_url": "https://teams.example/b"}""", """{"webhook_url": "https://teams.example/b"}""", "hmac_secret")]
    [InlineData("pagerduty",
        """{"routing_key": "secret-1", "api_url": "https://events.pagerduty.com/v2/enqueue"}""",
        """{"routing_key": "********", "api_url": "https://attacker.example/v2/enqueue"}""",
        """{"routing_key": "secret-2", "api_url": "https://attacker.example/v2/enqueue"}""",
        "config.routing_key,hmac_secret")]
    [InlineData("telegram",
        """{"bot_token": "secret-1", "chat_id": 42}""",
        """{"chat_id": 42, "api_url": "https://attacker.example"}""",
        """{"bot_token": "secret-2", "chat_id": 42, "api_url": "https://attacker.example"}""",
        "config.bot_token,hmac_secret")]
    [InlineData("smtp",
        """{"host": "smtp.example.com", "port": 587, "username": "pk", "password": "secret-1", "from": "a@example.com", "to": ["b@example.com"]}""",
        """{"host": "mail.attacker.example", "port": 587, "username": "pk", "from": "a@example.com", "to": ["b@example.com"]}""",
        """{"host": "mail.attacker.example", "port": 587, "username": "pk", "password": "secret-2", "from": "a@example.com", "to": ["b@example.com"]}""",
        "config.password,hmac_secret")]
    public async Task A_new_destination_without_its_secrets_is_refused_naming_them_and_accepted_with_them(
        string type, string config, string elsewhereWithoutSecrets, string elsewhereWithSecrets, string fields)
    {
        var (owner, _) = await system.OrganizationAsync($"destination-{type}");
        var id = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels",
            Body(type, config, "hmac-secret-1"))).GetProperty("id").GetInt64();

        using var refused = await owner.SendAsync(HttpMethod.Put, $"/api/v1/notification-channels/{id}", Body(type, elsewhereWithoutSecrets, hmacSecret: null));
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)refused.StatusCode} {problem}");
        var errors = JsonDocument.Parse(problem).RootElement.GetProperty("errors");
        Assert.Equal(fields.Split(','), errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Contains("destination changed", problem);
        Assert.DoesNotContain("secret-1", problem);

        var saved = await owner.OkAsync(HttpMethod.Put, $"/api/v1/notification-channels/{id}", Body(type, elsewhereWithSecrets, "hmac-secret-2"));
        Assert.True(saved.GetProperty("has_hmac_secret").GetBoolean());
        Assert.Equal(JsonDocument.Parse(elsewhereWithSecrets).RootElement.EnumerateObject().Select(f => f.Name).Order(),
            saved.GetProperty("config").EnumerateObject().Select(f => f.Name).Where(name => name != "security").Order());
    }

    [Fact]
    public async Task The_same_destination_keeps_the_secrets_left_out_and_a_change_of_type_asks_for_hmac_secret_again()
    {
        var (owner, _) = await system.OrganizationAsync("destination-type");
        var id = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels",
            Body("pagerduty", """{"routing_key": "secret-1"}""", "hmac-secret-1"))).GetProperty("id").GetInt64();

        var renamed = await owner.OkAsync(HttpMethod.Put, $"/api/v1/notification-channels/{id}", Body("pagerduty", "{}", hmacSecret: null));
        Assert.True(renamed.GetProperty("has_hmac_secret").GetBoolean());
        Assert.Equal("********", renamed.GetProperty("config").GetProperty("routing_key").GetString());

        using var retyped = await owner.SendAsync(HttpMethod.Put, $"/api/v1/notification-channels/{id}", Body("slack", """{"webhook_url": "https://hooks.slack.com/x"}""", hmacSecret: null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retyped.StatusCode);
        Assert.Equal(["hmac_secret"], JsonDocument.Parse(await retyped.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var withoutHmac = await owner.OkAsync(HttpMethod.Put, $"/api/v1/notification-channels/{id}", Body("slack", """{"webhook_url": "https://hooks.slack.com/x"}""", hmacSecret: ""));
        Assert.False(withoutHmac.GetProperty("has_hmac_secret").GetBoolean());
    }

    [Fact]
    public async Task A_new_smtp_channel_without_security_uses_starttls()
    {
        var (owner, _) = await system.OrganizationAsync("destination-smtp-default");
        var created = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels",
            Body("smtp", """{"host": "smtp.example.com", "port": 587, "from": "a@example.com", "to": ["b@example.com"]}""", hmacSecret: null));
        Assert.Equal("starttls", created.GetProperty("config").GetProperty("security").GetString());
    }

    private static JsonElement Body(string type, string config, string? hmacSecret) => JsonSerializer.SerializeToElement(new Dictionary<string, object?>
    {
        ["name"] = $"{type} channel",
        ["type"] = type,
        ["config"] = JsonDocument.Parse(config).RootElement,
        ["hmac_secret"] = hmacSecret,
    });
}
