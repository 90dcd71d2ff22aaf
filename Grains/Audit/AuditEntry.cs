namespace Planekeeper.Grains.Audit;

/// <summary>What happened, before it is written. <see cref="Details"/> is serialized to JSON.</summary>
public sealed record AuditEntry(long? OrganizationId, string? Actor, string Action, string? Target, object? Details = null);
