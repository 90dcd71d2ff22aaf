using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Access;

/// <summary>A role of an organization: built-in or custom, with its IAM-style policy document.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.access.role")]
public sealed record RoleRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] bool BuiltIn,
    [property: Id(4)] string Policy) : IVersioned
{
    /// <summary>The row's version: the role's <c>ETag</c> (a built-in role's is always 1) (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(5), JsonIgnore]
    public int Version { get; init; }
}
