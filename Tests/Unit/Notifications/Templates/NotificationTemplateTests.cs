using System.Text.Json;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class NotificationTemplateTests
{
    private static readonly AlertNotice Notice = SampleNotice.For("alert.escalated");

    private static string Render(string source, TemplateEscaping escaping = TemplateEscaping.None, AlertNotice? notice = null) =>
        NotificationTemplate.Parse(source).Template!.Render(notice ?? Notice, escaping);

    [Theory]
    [InlineData("{{.Event}}", "alert.escalated")]
    [InlineData("{{.Timestamp}}", "2026-11-28T12:00:00Z")]
    [InlineData("{{.IdempotencyKey}}", "00000000-0000-4000-8000-000000000001")]
    [InlineData("{{.AcknowledgeURL}}", "https://planekeeper.example.com/ack/sample-token")]
    [InlineData("{{.PreviousSeverity}}", "moderate")]
    [InlineData("{{.IsAcknowledged}}", "false")]
    [InlineData("{{.Alert.ID}}", "42")]
    [InlineData("{{.Alert.ConfigName}}", "k8s prod")]
    [InlineData("{{.Alert.RuleName}}", "minors")]
    [InlineData("{{.Alert.RuleType}}", "minors_behind")]
    [InlineData("{{.Alert.Severity}}", "high")]
    [InlineData("{{.Alert.DiscoveredVersion}}", "1.27.3")]
    [InlineData("{{.Alert.LatestVersion}}", "1.29.4")]
    [InlineData("{{.Alert.BehindBy}}", "2")]
    [InlineData("{{.Alert.ArtifactName}}", "github.com/kubernetes/kubernetes")]
    [InlineData("{{.Alert.RepositoryURL}}", "https://git.example.com/acme/infra.git")]
    [InlineData("{{.Alert.TargetFile}}", "clusters/prod/values.yaml")]
    public void Every_variable_renders(string source, string expected) => Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("{{.Alert.Severity | upper}}", "HIGH")]
    [InlineData("{{.Alert.ConfigName | upper | lower}}", "k8s prod")]
    [InlineData("{{.Alert.Severity | json}}", "\"high\"")]
    [InlineData("{{.Alert.BehindBy | json}}", "2")]
    [InlineData("{{.IsAcknowledged | json}}", "false")]
    [InlineData("{{ .Alert.Severity|upper }}", "HIGH")]
    [InlineData("a {{/* a comment */}}b", "a b")]
    public void Pipes_chain_left_to_right(string source, string expected) => Assert.Equal(expected, Render(source));

    [Fact]
    public void If_else_end_nests_and_follows_truthiness()
    {
        const string source = "{{if .IsAcknowledged}}acked{{else}}{{if .PreviousSeverity}}was {{.PreviousSeverity}}{{else}}new{{end}}{{end}}";
        Assert.Equal("was moderate", Render(source));
        Assert.Equal("acked", Render(source, notice: Notice with { Acknowledged = true }));
        Assert.Equal("new", Render(source, notice: Notice with { PreviousSeverity = null }));
        Assert.Equal("none", Render("{{if .Alert.BehindBy}}some{{else}}none{{end}}", notice: Notice with { BehindBy = 0 }));
    }

    [Fact]
    public void Trim_markers_remove_the_whitespace_beside_them() =>
        Assert.Equal("a:high.", Render("a:  \n {{- .Alert.Severity -}} \n  ."));

    [Theory]
    [InlineData("Hello {{.Alert.Severty}}", 1, 9, "unknown field .Alert.Severty")]
    [InlineData("line one\n  {{.Alert.Severity | shout}}", 2, 23, "unknown function 'shout'")]
    [InlineData("a {{else}}", 1, 5, "{{else}} without {{if}}")]
    [InlineData("{{end}}", 1, 3, "{{end}} without {{if}}")]
    [InlineData("x\n{{if .IsAcknowledged}}y", 2, 3, "{{if}} without {{end}}")]
    [InlineData("{{.Alert.Severity", 1, 1, "unclosed action")]
    [InlineData("{{}}", 1, 3, "empty action")]
    [InlineData("{{Alert.Severity}}", 1, 3, "unknown value 'Alert.Severity'")]
    [InlineData("{{if .IsAcknowledged}}a{{else}}b{{else}}c{{end}}", 1, 35, "a second {{else}}")]
    public void Errors_name_the_line_and_column(string source, int line, int column, string message)
    {
        var error = NotificationTemplate.Parse(source).Error!;
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"line {line}, column {column}: ", error.ToString());
    }

    [Fact]
    public void Json_escaping_keeps_a_webhook_body_valid_whatever_the_values()
    {
        var notice = Notice with { DiscoveredVersion = "1.2\"3\\4\nfive", ConfigName = "</script>" };
        var body = Render("""{"version": "{{.Alert.DiscoveredVersion}}", "config": "{{.Alert.ConfigName}}", "behind": {{.Alert.BehindBy | json}}, "ack": {{.AcknowledgeURL | json}}}""",
            TemplateEscaping.Json, notice);
        using var document = JsonDocument.Parse(body);
        Assert.Equal("1.2\"3\\4\nfive", document.RootElement.GetProperty("version").GetString());
        Assert.Equal("</script>", document.RootElement.GetProperty("config").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("behind").GetInt32());
        Assert.Equal(Notice.AcknowledgeUrl, document.RootElement.GetProperty("ack").GetString());
    }

    [Fact]
    public void Without_json_escaping_values_are_written_as_they_are() =>
        Assert.Equal("1.2\"3", Render("{{.Alert.DiscoveredVersion}}", notice: Notice with { DiscoveredVersion = "1.2\"3" }));

    [Fact]
    public void A_missing_value_is_empty_text_and_null_with_the_json_pipe()
    {
        var notice = Notice with { LatestVersion = null };
        Assert.Equal("[]", Render("[{{.Alert.LatestVersion}}]", notice: notice));
        Assert.Equal("null", Render("{{.Alert.LatestVersion | json}}", notice: notice));
    }
}
