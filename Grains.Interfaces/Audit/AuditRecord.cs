namespace Planekeeper.Grains.Interfaces.Audit;

/// <summary>One audited event: who (actor), what (action, target, details), when, in which organization.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.audit.record")]
public sealed record AuditRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long? OrganizationId,
    [property: Id(2)] string? Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string? Target,
    [property: Id(5)] string Details,
    [property: Id(6)] DateTime CreatedAt);
