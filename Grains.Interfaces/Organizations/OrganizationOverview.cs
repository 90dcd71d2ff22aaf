namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>
/// One organization as a global admin sees it in the Internal UI and <c>GET /api/v1/internal/organizations</c>:
/// its size and whether it is suspended (docs/operations.md, "Suspending an organization").
/// </summary>
/// <param name="Jobs">Its jobs of every kind (gather, scrape, helm sync).</param>
/// <param name="Agents">Its own agents (server agents belong to none).</param>
/// <param name="OpenAlerts">Its alerts not resolved yet, acknowledged or not.</param>
/// <param name="SuspendedBy">The actor (<c>user:&lt;id&gt;</c>) who suspended it; null when not suspended.</param>
[GenerateSerializer, Immutable, Alias("planekeeper.organizations.overview")]
public sealed record OrganizationOverview(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTime CreatedAt,
    [property: Id(3)] int Members,
    [property: Id(4)] int Jobs,
    [property: Id(5)] int Agents,
    [property: Id(6)] int OpenAlerts,
    [property: Id(7)] DateTime? SuspendedAt,
    [property: Id(8)] string? SuspendedBy)
{
    public bool IsSuspended => SuspendedAt is not null;
}
