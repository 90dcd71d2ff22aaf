using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// Refuses requests made in a suspended organization (docs/operations.md, "Suspending an organization"): its members'
/// sessions, global admins' too, its API keys and its agents. One interleaved in-memory read on the organization grain.
/// </summary>
public sealed class SuspensionCheck(IClusterClient cluster)
{
    /// <returns>Why requests in the organization are refused, or null when it is not suspended.</returns>
    public async Task<string?> ReasonAsync(long organizationId) =>
        await cluster.GetGrain<IOrganizationGrain>(organizationId).GetSuspensionAsync() is { } suspension
            ? $"organization {suspension.Name} ({suspension.OrganizationId}) is suspended by an operator of this Planekeeper; its data is kept, ask them to lift the suspension"
            : null;

    /// <returns>403 <c>organization_suspended</c>, or null when the organization is not suspended.</returns>
    public async Task<IResult?> DenialAsync(long organizationId) =>
        await ReasonAsync(organizationId) is { } reason ? Problems.ForbiddenBecause(ProblemCodes.OrganizationSuspended, reason) : null;
}
