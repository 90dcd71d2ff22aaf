using System.Text.Json;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class StandardWebhookPayloadTests
{
    private static JsonElement Payload(string eventName) => JsonDocument.Parse(StandardWebhookPayload.Build(SampleNotice.For(eventName))).RootElement;

    [Fact]
    public void The_payload_has_every_field_of_the_spec_in_snake_case()
    {
        var root = Payload("alert.escalated");
        Assert.Equal(["event", "timestamp", "idempotency_key", "organization", "alert", "acknowledge_url"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "name"], root.GetProperty("organization").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "config_name", "rule_name", "rule_type", "severity", "previous_severity", "behind_by", "discovered_version", "latest_version",
             "artifact_name", "repository_url", "target_file", "reason", "acknowledged", "created_at"],
            root.GetProperty("alert").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_payload_carries_the_notice_s_values()
    {
        var root = Payload("alert.escalated");
        var alert = root.GetProperty("alert");
        Assert.Equal(("alert.escalated", "2026-11-28T12:00:00Z", "00000000-0000-4000-8000-000000000001"),
            (root.GetProperty("event").GetString(), root.GetProperty("timestamp").GetString(), root.GetProperty("idempotency_key").GetString()));
        Assert.Equal((1L, "Acme"), (root.GetProperty("organization").GetProperty("id").GetInt64(), root.GetProperty("organization").GetProperty("name").GetString()));
        Assert.Equal((42L, "k8s prod", "minors", "minors_behind", "high", "moderate"),
            (alert.GetProperty("id").GetInt64(), alert.GetProperty("config_name").GetString(), alert.GetProperty("rule_name").GetString(),
             alert.GetProperty("rule_type").GetString(), alert.GetProperty("severity").GetString(), alert.GetProperty("previous_severity").GetString()));
        Assert.Equal((2L, "1.27.3", "1.29.4", "github.com/kubernetes/kubernetes"),
            (alert.GetProperty("behind_by").GetInt64(), alert.GetProperty("discovered_version").GetString(), alert.GetProperty("latest_version").GetString(),
             alert.GetProperty("artifact_name").GetString()));
        Assert.Equal(("https://git.example.com/acme/infra.git", "clusters/prod/values.yaml", "behind", false, "2026-11-20T08:00:00Z"),
            (alert.GetProperty("repository_url").GetString(), alert.GetProperty("target_file").GetString(), alert.GetProperty("reason").GetString(),
             alert.GetProperty("acknowledged").GetBoolean(), alert.GetProperty("created_at").GetString()));
        Assert.Equal("https://planekeeper.example.com/ack/sample-token", root.GetProperty("acknowledge_url").GetString());
    }

    [Fact]
    public void Missing_values_are_json_nulls_not_left_out()
    {
        var root = JsonDocument.Parse(StandardWebhookPayload.Build(SampleNotice.Sparse("alert.resolved"))).RootElement;
        var alert = root.GetProperty("alert");
        Assert.All(new[] { root.GetProperty("acknowledge_url"), alert.GetProperty("previous_severity"), alert.GetProperty("latest_version"),
            alert.GetProperty("repository_url"), alert.GetProperty("target_file") }, value => Assert.Equal(JsonValueKind.Null, value.ValueKind));
    }
}
