using System.Text.Json;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class JsonEscapingTests
{
    private const string Awkward = "1.2\"3\\4\nfive\t\u0001</script>é";

    private const string Body = """
        {"version": "{{.Alert.DiscoveredVersion}}", "config": "{{.Alert.ConfigName | upper}}", "behind": {{.Alert.BehindBy}},
         "latest": {{.Alert.LatestVersion | json}}, "ack": {{.IsAcknowledged | json}}, "raw": {{.Alert.DiscoveredVersion | json}}}
        """;

    private static readonly AlertNotice Notice = SampleNotice.For("alert.created") with { DiscoveredVersion = Awkward, ConfigName = "a\"b" };

    private static JsonElement RenderJson(AlertNotice notice) =>
        JsonDocument.Parse(NotificationTemplate.Parse(Body).Template!.Render(notice, TemplateEscaping.Json)).RootElement;

    [Fact]
    public void Values_are_escaped_inside_the_template_s_json_strings()
    {
        var body = RenderJson(Notice);
        Assert.Equal(Awkward, body.GetProperty("version").GetString());
        Assert.Equal("A\"B", body.GetProperty("config").GetString());
        Assert.Equal(2, body.GetProperty("behind").GetInt64());
    }

    [Fact]
    public void The_json_pipe_writes_a_complete_literal_in_json_mode_too()
    {
        var body = RenderJson(Notice);
        Assert.Equal(("1.29.4", JsonValueKind.False, Awkward), (body.GetProperty("latest").GetString(), body.GetProperty("ack").ValueKind, body.GetProperty("raw").GetString()));
        Assert.Equal(JsonValueKind.Null, RenderJson(Notice with { LatestVersion = null }).GetProperty("latest").ValueKind);
    }

    [Fact]
    public void Json_mode_escapes_without_adding_quotes_and_writes_null_as_empty()
    {
        var template = NotificationTemplate.Parse("[{{.Alert.DiscoveredVersion}}|{{.Alert.LatestVersion}}]").Template!;
        Assert.Equal("[a\\\"b\\\\c\\nd|]", template.Render(Notice with { DiscoveredVersion = "a\"b\\c\nd", LatestVersion = null }, TemplateEscaping.Json));
    }

    [Fact]
    public void Literal_text_is_never_escaped() =>
        Assert.Equal("{\"a\": \"x\\\"\"}", NotificationTemplate.Parse("{\"a\": \"{{.Alert.ConfigName}}\"}").Template!.Render(SampleNotice.For("alert.created") with { ConfigName = "x\"" }, TemplateEscaping.Json));
}
