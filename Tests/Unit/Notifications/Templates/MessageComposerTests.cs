using System.Text.Json;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class MessageComposerTests
{
    public static TheoryData<string, string> TypesAndEvents()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in ChannelTypes.All)
        {
            foreach (var eventName in new[] { "alert.created", "alert.escalated", "alert.acknowledged", "alert.unacknowledged", "alert.resolved" })
            {
                data.Add(type, eventName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndEvents))]
    public void Every_built_in_renders_for_every_type_and_event(string type, string eventName)
    {
        var message = MessageComposer.Compose(type, SampleNotice.For(eventName), null);
        Assert.Contains("k8s prod", message.Subject);
        Assert.Contains(type == ChannelTypes.Webhook ? "k8s prod" : "github.com/kubernetes/kubernetes", message.Text);
        Assert.Equal(type == ChannelTypes.Smtp, message.Html is not null);
        Assert.Equal(type == ChannelTypes.Webhook, message.JsonBody is not null);
    }

    [Fact]
    public void The_standard_webhook_payload_has_every_field_of_the_spec()
    {
        using var payload = JsonDocument.Parse(StandardWebhookPayload.Build(SampleNotice.For("alert.escalated")));
        var root = payload.RootElement;
        Assert.Equal(["event", "timestamp", "idempotency_key", "organization", "alert", "acknowledge_url"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "name"], root.GetProperty("organization").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "config_name", "rule_name", "rule_type", "severity", "previous_severity", "behind_by", "discovered_version", "latest_version",
             "artifact_name", "repository_url", "target_file", "reason", "acknowledged", "created_at"],
            root.GetProperty("alert").EnumerateObject().Select(p => p.Name));
        Assert.Equal(("alert.escalated", "2026-11-28T12:00:00Z", "moderate", 2), (root.GetProperty("event").GetString(), root.GetProperty("timestamp").GetString(),
            root.GetProperty("alert").GetProperty("previous_severity").GetString(), root.GetProperty("alert").GetProperty("behind_by").GetInt32()));
    }

    [Fact]
    public void A_custom_webhook_template_renders_the_body()
    {
        var message = MessageComposer.Compose(ChannelTypes.Webhook, SampleNotice.For("alert.created"), """{"text": "{{.Alert.ConfigName}} is {{.Alert.Severity}}"}""");
        Assert.Equal("""{"text": "k8s prod is high"}""", message.JsonBody);
    }

    [Fact]
    public void A_mail_has_an_html_part_with_clickable_links()
    {
        var message = MessageComposer.Compose(ChannelTypes.Smtp, SampleNotice.For("alert.created"), null);
        Assert.Contains("<a href=\"https://planekeeper.example.com/ack/sample-token\">", message.Html);
        Assert.Contains("[HIGH]", message.Subject);
    }

    [Fact]
    public void Categories_group_the_events()
    {
        Assert.Equal(["new_alert", "new_alert", "acknowledged", "acknowledged", "resolved"],
            new[] { "alert.created", "alert.escalated", "alert.acknowledged", "alert.unacknowledged", "alert.resolved" }.Select(TemplateCategories.For));
    }

    [Fact]
    public void A_webhook_template_that_does_not_render_json_is_refused()
    {
        var error = TemplateValidation.Validate(ChannelTypes.Webhook, """{"text": {{.Alert.ConfigName}}}""");
        Assert.Contains("JSON", error!.Message);
        Assert.Null(TemplateValidation.Validate(ChannelTypes.Webhook, """{"text": {{.Alert.ConfigName | json}}}"""));
        Assert.Null(TemplateValidation.Validate(ChannelTypes.Slack, "not json at all {{.Event}}"));
    }
}
