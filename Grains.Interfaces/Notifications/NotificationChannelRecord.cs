using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>A channel as the API shows it: secrets masked (<c>********</c>), never their values.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.channel-record")]
public sealed record NotificationChannelRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Type,
    [property: Id(4)] string ConfigJson,
    [property: Id(5)] bool HasHmacSecret,
    [property: Id(6)] bool RequireAckAuth,
    [property: Id(7)] bool Active,
    [property: Id(8)] IReadOnlyDictionary<string, string> Templates,
    [property: Id(9)] DateTime CreatedAt,
    [property: Id(10)] DateTime UpdatedAt) : IVersioned
{
    /// <summary>The row's version: the notification channel's <c>ETag</c> (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(11), JsonIgnore]
    public int Version { get; init; }
}
