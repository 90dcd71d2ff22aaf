using System.Text.Json;
using System.Text.Json.Nodes;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>One row of <c>notification_channels</c>: public configuration as JSON, secrets as ciphertext.</summary>
public sealed class ChannelRow : IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string Config { get; set; } = "{}";
    public string? Secrets { get; set; }
    public string[] SecretNames { get; set; } = [];
    public string Templates { get; set; } = "{}";
    public bool Active { get; set; }
    public bool RequireAckAuth { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public JsonObject ConfigObject => JsonNode.Parse(Config)!.AsObject();

    public IReadOnlyDictionary<string, string> TemplateMap => JsonSerializer.Deserialize<Dictionary<string, string>>(Templates)!;

    public NotificationChannelRecord ToRecord() => new(
        Id, OrganizationId, Name, Type,
        ChannelConfigValidator.Masked(ConfigObject, SecretNames.Where(name => name != ChannelSecretNames.HmacSecret)).ToJsonString(),
        SecretNames.Contains(ChannelSecretNames.HmacSecret), RequireAckAuth, Active, TemplateMap,
        DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)) { Version = Version };
}
