using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class NotificationTemplateTests
{
    private static readonly AlertNotice Notice = SampleNotice.For("alert.escalated");

    private static string Render(string source, AlertNotice? notice = null)
    {
        var parsed = NotificationTemplate.Parse(source);
        Assert.Null(parsed.Error);
        return parsed.Template!.Render(notice ?? Notice, TemplateEscaping.None);
    }

    [Theory]
    [InlineData("{{.IdempotencyKey}}", "00000000-0000-4000-8000-000000000001")]
    [InlineData("{{.Event}}", "alert.escalated")]
    [InlineData("{{.Timestamp}}", "2026-11-28T12:00:00Z")]
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
    [InlineData("{{.AcknowledgeURL}}", "https://planekeeper.example.com/ack/sample-token")]
    [InlineData("{{.PreviousSeverity}}", "moderate")]
    [InlineData("{{.IsAcknowledged}}", "false")]
    public void Every_variable_renders(string source, string expected) => Assert.Equal(expected, Render(source));

    [Fact]
    public void The_variables_are_exactly_those_of_the_spec() =>
        Assert.Equal(
            ["AcknowledgeURL", "Alert.ArtifactName", "Alert.BehindBy", "Alert.ConfigName", "Alert.DiscoveredVersion", "Alert.ID", "Alert.LatestVersion",
             "Alert.RepositoryURL", "Alert.RuleName", "Alert.RuleType", "Alert.Severity", "Alert.TargetFile", "Event", "IdempotencyKey", "IsAcknowledged",
             "PreviousSeverity", "Timestamp"],
            TemplateFields.Names.Order(StringComparer.Ordinal));

    [Fact]
    public void The_timestamp_is_utc_even_from_a_local_time()
    {
        var local = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc).ToLocalTime();
        Assert.Equal("2026-11-28T12:00:00Z", Render("{{.Timestamp}}", Notice with { Timestamp = local }));
    }

    [Fact]
    public void Literal_text_around_actions_is_kept_as_it_is() =>
        Assert.Equal("Config \"k8s prod\"\n  is { high} }\n", Render("Config \"{{.Alert.ConfigName}}\"\n  is { {{.Alert.Severity}}} }\n"));

    [Theory]
    [InlineData("{{.Alert.Severity | upper}}", "HIGH")]
    [InlineData("{{.Alert.ConfigName | upper | lower}}", "k8s prod")]
    [InlineData("{{.Alert.Severity | upper | json}}", "\"HIGH\"")]
    [InlineData("{{.Alert.BehindBy | upper}}", "2")]
    [InlineData("{{ .Alert.Severity|upper }}", "HIGH")]
    [InlineData("{{upper .Alert.Severity}}", "HIGH")]
    [InlineData("{{lower .Alert.Severity | upper | lower}}", "high")]
    [InlineData("{{.PreviousSeverity | upper}}", "MODERATE")]
    public void Pipes_apply_left_to_right(string source, string expected) => Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("{{.Alert.Severity | json}}", "\"high\"")]
    [InlineData("{{.Alert.BehindBy | json}}", "2")]
    [InlineData("{{.Alert.ID | json}}", "42")]
    [InlineData("{{.IsAcknowledged | json}}", "false")]
    [InlineData("{{.Alert.LatestVersion | json}}", "null")]
    [InlineData("{{json .Alert.ConfigName}}", "\"k8s prod\"")]
    public void The_json_pipe_writes_a_json_literal(string source, string expected) =>
        Assert.Equal(expected, Render(source, Notice with { LatestVersion = source.Contains("LatestVersion") ? null : Notice.LatestVersion }));

    [Fact]
    public void The_json_pipe_escapes_strings() =>
        Assert.Equal("\"a\\\"b\\\\c\\nd\"", Render("{{.Alert.DiscoveredVersion | json}}", Notice with { DiscoveredVersion = "a\"b\\c\nd" }));

    [Fact]
    public void A_missing_value_is_empty_text()
    {
        var notice = Notice with { LatestVersion = null, PreviousSeverity = null };
        Assert.Equal("[][]", Render("[{{.Alert.LatestVersion}}][{{.PreviousSeverity | upper}}]", notice));
    }

    [Fact]
    public void Without_json_escaping_values_are_written_as_they_are() =>
        Assert.Equal("1.2\"3\\<b>", Render("{{.Alert.DiscoveredVersion}}", Notice with { DiscoveredVersion = "1.2\"3\\<b>" }));

    [Fact]
    public void If_else_end_choose_by_truth()
    {
        const string source = "{{if .IsAcknowledged}}acked{{else}}open{{end}}";
        Assert.Equal("open", Render(source));
        Assert.Equal("acked", Render(source, Notice with { Acknowledged = true }));
        Assert.Equal("x", Render("{{if .PreviousSeverity}}x{{end}}"));
        Assert.Equal("", Render("{{if .PreviousSeverity}}x{{end}}", Notice with { PreviousSeverity = null }));
    }

    [Theory]
    [InlineData(0, "", "false")]
    [InlineData(0, null, "false")]
    [InlineData(1, "", "true")]
    [InlineData(0, "x", "true")]
    public void Truth_is_go_s_zero_empty_and_null_are_false(long behindBy, string? previous, string expected) =>
        Assert.Equal(expected, Render("{{if .Alert.BehindBy}}true{{else if .PreviousSeverity}}true{{else}}false{{end}}",
            Notice with { BehindBy = behindBy, PreviousSeverity = previous }));

    [Fact]
    public void Ifs_nest()
    {
        const string source = "{{if .IsAcknowledged}}acked{{else}}{{if .PreviousSeverity}}was {{.PreviousSeverity}}{{else}}new{{end}}{{end}}!";
        Assert.Equal("was moderate!", Render(source));
        Assert.Equal("acked!", Render(source, Notice with { Acknowledged = true }));
        Assert.Equal("new!", Render(source, Notice with { PreviousSeverity = null }));
    }

    [Fact]
    public void Else_if_chains_share_one_end()
    {
        const string source = "{{if .IsAcknowledged}}a{{else if .PreviousSeverity}}b{{else if .AcknowledgeURL}}c{{else}}d{{end}}.";
        Assert.Equal("a.", Render(source, Notice with { Acknowledged = true }));
        Assert.Equal("b.", Render(source));
        Assert.Equal("c.", Render(source, Notice with { PreviousSeverity = null }));
        Assert.Equal("d.", Render(source, Notice with { PreviousSeverity = null, AcknowledgeUrl = null }));
    }

    [Fact]
    public void A_condition_may_use_pipes() => Assert.Equal("yes", Render("{{if .Alert.Severity | upper}}yes{{end}}"));

    [Theory]
    [InlineData("a:  \n {{- .Alert.Severity -}} \n\t .", "a:high.")]
    [InlineData("a  {{- .Alert.Severity}}  b", "ahigh  b")]
    [InlineData("a  {{.Alert.Severity -}}  b", "a  highb")]
    [InlineData("<ul>\n  {{- if .IsAcknowledged}}\n  <li>acked</li>\n  {{- else}}\n  <li>open</li>\n  {{- end}}\n</ul>", "<ul>\n  <li>open</li>\n</ul>")]
    [InlineData("a \r\n{{- .Event}}", "aalert.escalated")]
    public void Trim_markers_remove_the_white_space_beside_them_as_go_does(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("a {{/* a comment */}}b", "a b")]
    [InlineData("a {{/* with }} inside */}}b", "a b")]
    [InlineData("a\n{{- /* trimmed */ -}}\nb", "ab")]
    [InlineData("{{/* multi\nline */}}x", "x")]
    public void Comments_write_nothing(string source, string expected) => Assert.Equal(expected, Render(source));

    [Fact]
    public void A_template_renders_the_same_each_time()
    {
        var template = NotificationTemplate.Parse("{{.Alert.Severity | upper}} {{.Event}}").Template!;
        Assert.Equal(template.Render(Notice, TemplateEscaping.None), template.Render(Notice, TemplateEscaping.None));
        Assert.Equal("CRITICAL alert.created", template.Render(SampleNotice.For("alert.created") with { Severity = "critical" }, TemplateEscaping.None));
    }
}
