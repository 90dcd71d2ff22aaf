using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Organizations;

[GenerateSerializer, Immutable, Alias("planekeeper.organizations.member")]
public sealed record MemberRecord(
    [property: Id(0)] long UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] DateTime JoinedAt) : IVersioned
{
    /// <summary>
    /// The membership's version, moved by every change of the member's roles: the member's <c>ETag</c> (docs/api.md,
    /// "ETags and If-Match"), not part of the body.
    /// </summary>
    [Id(4), JsonIgnore]
    public int Version { get; init; }
}
