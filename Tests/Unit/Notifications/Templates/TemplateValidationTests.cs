using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class TemplateValidationTests
{
    [Fact]
    public void A_template_that_does_not_parse_is_refused_with_its_position() =>
        Assert.Equal("line 2, column 3: {{if}} without {{end}}", TemplateValidation.Validate(ChannelTypes.Slack, "x\n{{if .IsAcknowledged}}")?.ToString());

    [Fact]
    public void Chat_and_mail_templates_need_not_be_json() =>
        Assert.Null(TemplateValidation.Validate(ChannelTypes.Smtp, "not json at all {{.Event}}"));

    [Fact]
    public void A_webhook_template_that_renders_invalid_json_is_refused()
    {
        var error = TemplateValidation.Validate(ChannelTypes.Webhook, "{\"text\": {{.Alert.ConfigName}}}");
        Assert.NotNull(error);
        Assert.StartsWith("the output is not valid JSON", error.Message);
        Assert.Contains("rendered for a sample alert.created", error.Message);
        Assert.Equal((1, 10), (error.Line, error.Column));
    }

    [Fact]
    public void The_json_position_is_that_of_the_rendered_output()
    {
        var error = TemplateValidation.Validate(ChannelTypes.Webhook, "{\n  \"a\": 1,\n  \"b\": {{.Alert.Severity}}\n}");
        Assert.Equal((3, 8), (error!.Line, error.Column));
    }

    [Fact]
    public void Every_event_and_missing_values_are_tried()
    {
        Assert.Contains("alert.acknowledged", TemplateValidation.Validate(ChannelTypes.Webhook, "{{if .IsAcknowledged}}oops{{else}}{}{{end}}")!.Message);
        Assert.NotNull(TemplateValidation.Validate(ChannelTypes.Webhook, "{\"latest\": \"x\"{{if .Alert.LatestVersion}}, \"y\": 1{{else}},{{end}}}"));
    }

    [Theory]
    [InlineData("""{"text": "{{.Alert.ConfigName}}", "latest": {{.Alert.LatestVersion | json}}, "ack": {{.AcknowledgeURL | json}}}""")]
    [InlineData("""{"acked": {{.IsAcknowledged}}, "behind": {{.Alert.BehindBy}}}""")]
    [InlineData("""[{{if .PreviousSeverity}}"{{.PreviousSeverity}}"{{end}}]""")]
    public void A_webhook_template_that_renders_json_is_accepted(string source) =>
        Assert.Null(TemplateValidation.Validate(ChannelTypes.Webhook, source));

    [Fact]
    public void An_empty_webhook_template_is_not_json() =>
        Assert.StartsWith("the output is not valid JSON", TemplateValidation.Validate(ChannelTypes.Webhook, "")!.Message);
}
