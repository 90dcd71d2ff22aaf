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
    public void Every_type_and_event_composes_with_its_built_in(string type, string eventName)
    {
        var message = MessageComposer.Compose(type, SampleNotice.For(eventName), null);
        Assert.Contains("k8s prod: github.com/kubernetes/kubernetes", message.Subject);
        Assert.DoesNotContain('\n', message.Subject);
        Assert.Contains(type == ChannelTypes.Webhook ? "k8s prod" : "github.com/kubernetes/kubernetes", message.Text);
        Assert.Equal(type == ChannelTypes.Smtp, message.Html is not null);
        Assert.Equal(type == ChannelTypes.Webhook, message.JsonBody is not null);
    }

    [Theory]
    [InlineData("alert.created", "[HIGH] k8s prod: github.com/kubernetes/kubernetes 2 behind")]
    [InlineData("alert.escalated", "[HIGH] k8s prod: github.com/kubernetes/kubernetes 2 behind")]
    [InlineData("alert.acknowledged", "Acknowledged: k8s prod: github.com/kubernetes/kubernetes 2 behind")]
    [InlineData("alert.unacknowledged", "Unacknowledged: k8s prod: github.com/kubernetes/kubernetes 2 behind")]
    [InlineData("alert.resolved", "Resolved: k8s prod: github.com/kubernetes/kubernetes")]
    public void The_subject_is_a_one_line_summary(string eventName, string subject) =>
        Assert.Equal(subject, MessageSubject.For(SampleNotice.For(eventName)));

    [Fact]
    public void A_subject_stays_on_one_line_whatever_the_names() =>
        Assert.Equal("[HIGH] k8s  prod: a b 2 behind", MessageSubject.For(SampleNotice.For("alert.created") with { ConfigName = "k8s\r\nprod", ArtifactName = "a\nb" }));

    [Fact]
    public void A_mail_has_the_text_and_an_html_document_with_clickable_links()
    {
        var message = MessageComposer.Compose(ChannelTypes.Smtp, SampleNotice.For("alert.created") with { ConfigName = "<b>prod</b> & co" }, null);
        Assert.Contains("Acknowledge: https://planekeeper.example.com/ack/sample-token", message.Text);
        Assert.StartsWith("<!doctype html>", message.Html);
        Assert.Contains("<title>[HIGH] &lt;b&gt;prod&lt;/b&gt; &amp; co: github.com/kubernetes/kubernetes 2 behind</title>", message.Html);
        Assert.Contains("Acknowledge: <a href=\"https://planekeeper.example.com/ack/sample-token\">https://planekeeper.example.com/ack/sample-token</a>", message.Html);
        Assert.Contains("Repository: <a href=\"https://git.example.com/acme/infra.git\">", message.Html);
        Assert.Contains("Configuration: &lt;b&gt;prod&lt;/b&gt; &amp; co<br>", message.Html);
        Assert.DoesNotContain("<b>", message.Html);
    }

    [Theory]
    [InlineData("see https://x.example/a?b=1&c=2.", "see <a href=\"https://x.example/a?b=1&amp;c=2\">https://x.example/a?b=1&amp;c=2</a>.")]
    [InlineData("(https://x.example/p)", "(<a href=\"https://x.example/p\">https://x.example/p</a>)")]
    [InlineData("<https://x.example/p|Ack>", "&lt;<a href=\"https://x.example/p|Ack\">https://x.example/p|Ack</a>&gt;")]
    [InlineData("javascript:alert(1) \"q\"", "javascript:alert(1) &quot;q&quot;")]
    public void Mail_html_links_only_web_addresses_and_encodes_the_rest(string text, string html) =>
        Assert.Contains($"<p>{html}</p>", MailHtml.Document("s", text));

    [Fact]
    public void A_custom_template_replaces_the_built_in_text()
    {
        var message = MessageComposer.Compose(ChannelTypes.Slack, SampleNotice.For("alert.created"), "{{.Alert.Severity | upper}} {{.Alert.DiscoveredVersion}}");
        Assert.Equal(("HIGH 1.27.3", null, null), (message.Text, message.Html, message.JsonBody));
        Assert.Equal("[HIGH] k8s prod: github.com/kubernetes/kubernetes 2 behind", message.Subject);
    }

    [Fact]
    public void A_webhook_without_a_template_sends_the_standard_payload()
    {
        var notice = SampleNotice.For("alert.created");
        var message = MessageComposer.Compose(ChannelTypes.Webhook, notice, null);
        Assert.Equal(StandardWebhookPayload.Build(notice), message.JsonBody);
        Assert.Null(message.Html);
    }

    [Fact]
    public void A_custom_webhook_template_renders_the_body_with_json_escaping()
    {
        var notice = SampleNotice.For("alert.created") with { DiscoveredVersion = "1.2\"3\\4\nfive" };
        var message = MessageComposer.Compose(ChannelTypes.Webhook, notice,
            """{"text": "{{.Alert.ConfigName}} runs {{.Alert.DiscoveredVersion}}", "behind": {{.Alert.BehindBy | json}}}""");
        var body = JsonDocument.Parse(message.JsonBody!).RootElement;
        Assert.Equal("k8s prod runs 1.2\"3\\4\nfive", body.GetProperty("text").GetString());
        Assert.Equal(2, body.GetProperty("behind").GetInt32());
    }

    [Fact]
    public void A_template_that_does_not_parse_is_an_error() =>
        Assert.Contains("line 1, column 3: unknown field .Nope",
            Assert.Throws<FormatException>(() => MessageComposer.Compose(ChannelTypes.Slack, SampleNotice.For("alert.created"), "{{.Nope}}")).Message);
}
