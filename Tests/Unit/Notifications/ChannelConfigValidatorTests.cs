using System.Text.Json.Nodes;
using Planekeeper.Grains.Notifications.Channels;

namespace Planekeeper.Tests.Unit.Notifications;

public class ChannelConfigValidatorTests
{
    private static ChannelConfigValidation Validate(string type, string config, Dictionary<string, string>? stored = null) =>
        ChannelConfigValidator.Validate(type, JsonNode.Parse(config)!.AsObject(), stored ?? []);

    [Theory]
    [InlineData("webhook", """{}""", "config.url")]
    [InlineData("webhook", """{"url": "ftp://example.com"}""", "config.url")]
    [InlineData("webhook", """{"url": "https://example.com", "headers": {"bad header": "x"}}""", "config.headers")]
    [InlineData("webhook", """{"url": "https://example.com", "urll": "typo"}""", "config.urll")]
    [InlineData("slack", """{"webhook_url": "not a url"}""", "config.webhook_url")]
    [InlineData("pagerduty", """{}""", "config.routing_key")]
    [InlineData("telegram", """{"bot_token": "1:x"}""", "config.chat_id")]
    [InlineData("smtp", """{"host": "smtp.example.com", "port": 70000, "from": "a@example.com", "to": ["b@example.com"]}""", "config.port")]
    [InlineData("smtp", """{"host": "smtp.example.com", "port": 587, "from": "a@example.com", "to": []}""", "config.to")]
    [InlineData("smtp", """{"host": "smtp.example.com", "port": 587, "from": "nobody", "to": ["b@example.com"]}""", "config.from")]
    [InlineData("smtp", """{"host": "smtp.example.com", "port": 587, "security": "ssl", "from": "a@example.com", "to": ["b@example.com"]}""", "config.security")]
    public void Each_type_names_the_field_that_is_wrong(string type, string config, string field) =>
        Assert.Contains(field, Validate(type, config).Errors!.Keys);

    [Fact]
    public void Secrets_are_taken_out_of_the_configuration_and_shown_masked()
    {
        var valid = Validate("smtp", """{"host": "smtp.example.com", "port": 587, "username": "pk", "password": "hunter2", "from": "a@example.com", "to": ["b@example.com"]}""");
        Assert.Null(valid.Errors);
        Assert.Equal("hunter2", valid.Secrets!["password"]);
        Assert.Null(valid.PublicConfig!["password"]);
        Assert.Equal("********", (string?)ChannelConfigValidator.Masked(valid.PublicConfig, valid.Secrets.Keys)["password"]);
    }

    [Fact]
    public void Smtp_without_a_security_setting_is_stored_as_starttls_and_none_is_kept_when_asked_for()
    {
        var defaulted = Validate("smtp", """{"host": "smtp.example.com", "port": 587, "from": "a@example.com", "to": ["b@example.com"]}""");
        Assert.Equal("starttls", (string?)defaulted.PublicConfig!["security"]);

        var plain = Validate("smtp", """{"host": "smtp.example.com", "port": 25, "security": "none", "from": "a@example.com", "to": ["b@example.com"]}""");
        Assert.Equal("none", (string?)plain.PublicConfig!["security"]);
    }

    [Fact]
    public void Header_values_are_secrets_and_names_are_shown()
    {
        var valid = Validate("webhook", """{"url": "https://example.com", "headers": {"Authorization": "Bearer t"}}""");
        Assert.Equal("Bearer t", valid.Secrets!["headers.Authorization"]);
        Assert.Equal("""{"url":"https://example.com","headers":{"Authorization":"********"}}""",
            ChannelConfigValidator.Masked(valid.PublicConfig!, valid.Secrets.Keys).ToJsonString());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"webhook_url": "********"}""")]
    public void A_secret_left_out_or_sent_back_masked_keeps_its_stored_value(string config)
    {
        var valid = Validate("slack", config, new() { ["webhook_url"] = "https://hooks.slack.com/services/T/B/x" });
        Assert.Equal("https://hooks.slack.com/services/T/B/x", valid.Secrets!["webhook_url"]);
    }
}
