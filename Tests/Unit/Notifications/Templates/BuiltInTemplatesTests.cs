using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class BuiltInTemplatesTests
{
    private static readonly string[] Events = ["alert.created", "alert.escalated", "alert.acknowledged", "alert.unacknowledged", "alert.resolved"];

    public static TheoryData<string, string> TypesAndEvents()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in ChannelTypes.All.Where(type => type != ChannelTypes.Webhook))
        {
            foreach (var eventName in Events)
            {
                data.Add(type, eventName);
            }
        }

        return data;
    }

    private static string Render(string type, AlertNotice notice) =>
        NotificationTemplate.Parse(BuiltInTemplates.For(type, TemplateCategories.For(notice.Event))).Template!.Render(notice, TemplateEscaping.None);

    [Theory]
    [MemberData(nameof(TypesAndEvents))]
    public void Every_built_in_parses_and_renders(string type, string eventName)
    {
        var notice = SampleNotice.For(eventName);
        Assert.Null(NotificationTemplate.Parse(BuiltInTemplates.For(type, TemplateCategories.For(eventName))).Error);
        var text = Render(type, notice);
        Assert.Contains("k8s prod: github.com/kubernetes/kubernetes", text);
        Assert.Contains("1.27.3 deployed, 1.29.4 latest", text);
        Assert.Equal(eventName is "alert.created" or "alert.escalated" or "alert.unacknowledged", text.Contains(SampleNotice.AcknowledgeUrl));
        Assert.Contains("(1.27.3 deployed)", Render(type, SampleNotice.Sparse(eventName)));
    }

    [Fact]
    public void A_new_alert_says_severity_versions_and_distance()
    {
        Assert.Equal(
            "[HIGH] k8s prod: github.com/kubernetes/kubernetes is 2 behind (1.27.3 deployed, 1.29.4 latest)\n" +
            "Acknowledge: https://planekeeper.example.com/ack/sample-token",
            Render(ChannelTypes.Telegram, SampleNotice.For("alert.created")));
        Assert.EndsWith("latest), escalated from moderate", Render(ChannelTypes.Telegram, SampleNotice.For("alert.escalated") with { AcknowledgeUrl = null }));
    }

    [Theory]
    [InlineData("slack", "\n<https://planekeeper.example.com/ack/sample-token|Acknowledge>")]
    [InlineData("discord", "\n[Acknowledge](https://planekeeper.example.com/ack/sample-token)")]
    [InlineData("teams", "\n\n[Acknowledge](https://planekeeper.example.com/ack/sample-token)")]
    [InlineData("telegram", "\nAcknowledge: https://planekeeper.example.com/ack/sample-token")]
    [InlineData("pagerduty", "\nAcknowledge: https://planekeeper.example.com/ack/sample-token")]
    public void Each_chat_writes_the_acknowledge_link_its_own_way(string type, string link) =>
        Assert.EndsWith(link, Render(type, SampleNotice.For("alert.created")));

    [Fact]
    public void Acknowledgement_and_resolution_say_so()
    {
        Assert.StartsWith("Acknowledged: [HIGH] k8s prod", Render(ChannelTypes.Slack, SampleNotice.For("alert.acknowledged")));
        Assert.StartsWith("Unacknowledged: [HIGH] k8s prod", Render(ChannelTypes.Slack, SampleNotice.For("alert.unacknowledged")));
        Assert.Equal("Resolved: k8s prod: github.com/kubernetes/kubernetes (1.27.3 deployed, 1.29.4 latest)", Render(ChannelTypes.Slack, SampleNotice.For("alert.resolved")));
    }

    [Fact]
    public void Without_optional_values_the_message_leaves_them_out()
    {
        Assert.Equal("[HIGH] k8s prod: github.com/kubernetes/kubernetes is 2 behind (1.27.3 deployed)", Render(ChannelTypes.Slack, SampleNotice.Sparse("alert.created")));
        var mail = Render(ChannelTypes.Smtp, SampleNotice.Sparse("alert.created"));
        Assert.DoesNotContain("Latest version", mail);
        Assert.DoesNotContain("Repository", mail);
        Assert.DoesNotContain("Acknowledge", mail);
    }

    [Fact]
    public void A_mail_is_a_multi_line_text_with_the_details()
    {
        var mail = Render(ChannelTypes.Smtp, SampleNotice.For("alert.escalated"));
        Assert.Equal(
            """
            [HIGH] k8s prod: github.com/kubernetes/kubernetes is 2 behind (1.27.3 deployed, 1.29.4 latest), escalated from moderate

            Configuration: k8s prod
            Artifact: github.com/kubernetes/kubernetes
            Deployed version: 1.27.3
            Latest version: 1.29.4
            Behind by: 2
            Severity: high (was moderate)
            Rule: minors (minors_behind)
            Repository: https://git.example.com/acme/infra.git
            File: clusters/prod/values.yaml
            Event: alert.escalated at 2026-11-28T12:00:00Z

            Acknowledge: https://planekeeper.example.com/ack/sample-token

            """,
            mail);
    }

    [Fact]
    public void Webhooks_have_no_built_in_template_but_the_standard_payload()
    {
        Assert.Throws<ArgumentException>(() => BuiltInTemplates.For(ChannelTypes.Webhook, TemplateCategories.NewAlert));
        Assert.Throws<ArgumentException>(() => BuiltInTemplates.For("fax", TemplateCategories.NewAlert));
        Assert.Throws<ArgumentException>(() => BuiltInTemplates.For(ChannelTypes.Slack, "other"));
    }
}
