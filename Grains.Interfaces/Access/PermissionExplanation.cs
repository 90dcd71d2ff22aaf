namespace Planekeeper.Grains.Interfaces.Access;

/// <summary>Why an action is allowed or denied to a subject in one organization.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.access.explanation")]
public sealed record PermissionExplanation(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Action,
    [property: Id(2)] bool Allowed,
    [property: Id(3)] bool BySuperAdmin,
    [property: Id(4)] IReadOnlyList<string> Roles,
    [property: Id(5)] IReadOnlyList<DecidingStatement> Allowing,
    [property: Id(6)] IReadOnlyList<DecidingStatement> Denying);

/// <summary>One policy statement that matched: which role it belongs to, its effect and its action pattern.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.access.deciding-statement")]
public sealed record DecidingStatement([property: Id(0)] string Role, [property: Id(1)] string Effect, [property: Id(2)] string Action);
