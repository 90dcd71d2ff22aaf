namespace Planekeeper.Grains.Interfaces.Access;

/// <summary>A role of an organization: built-in or custom, with its IAM-style policy document.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.access.role")]
public sealed record RoleRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] bool BuiltIn,
    [property: Id(4)] string Policy);
