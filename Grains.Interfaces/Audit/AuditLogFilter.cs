namespace Planekeeper.Grains.Interfaces.Audit;

/// <summary>
/// Narrows the audit log (docs/api.md, "Audit log"): <paramref name="Kind"/> is the part of the action before the dot
/// (<c>auth</c>, <c>api_key</c>, …); <paramref name="UserId"/> keeps the entries a member did or that were done to them.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.audit.filter")]
public sealed record AuditLogFilter([property: Id(0)] string? Kind = null, [property: Id(1)] long? UserId = null)
{
    /// <summary>The kinds of entry there are, in the order a person would look for them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["auth", "organization", "member", "invite", "roles", "role", "api_key", "user"];

    public static AuditLogFilter None { get; } = new();
}
