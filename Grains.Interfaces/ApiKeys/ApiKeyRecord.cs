using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>
/// An API key as lists show it. <see cref="CreatedBy"/> is the user behind it: the user who created it, or for a key
/// created with another key, that key's creator; removing that member deactivates the key.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.api-keys.key-record")]
public sealed record ApiKeyRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] bool IsActive,
    [property: Id(5)] DateTime? DeactivatedAt,
    [property: Id(6)] DateTime? ExpiresAt,
    [property: Id(7)] DateTime? LastUsedAt,
    [property: Id(8)] DateTime CreatedAt,
    [property: Id(9)] long? CreatedBy) : IVersioned
{
    /// <summary>The row's version: the API key's <c>ETag</c> (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(10), JsonIgnore]
    public int Version { get; init; }
}

/// <summary>A new key with the whole <c>pk_&lt;id&gt;_&lt;secret&gt;</c> value, which is shown only here.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.api-keys.created")]
public sealed record CreatedApiKey([property: Id(0)] ApiKeyRecord Key, [property: Id(1)] string Value);
