using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Hosting;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// Refuses requests made in a suspended organization (docs/operations.md, "Suspending an organization"): its members'
/// sessions, global admins' too, its API keys and its agents. One in-memory read on the organization grain, whose
/// answer is used for a second, or up to five minutes while the access change feed confirms it, and forgotten at once when
/// the organization grain or the feed says it changed (docs/security.md, "Verified API keys").
/// </summary>
public sealed class SuspensionCheck(GrainReferences grains, AccessCacheObserver cache)
{
    /// <returns>Why requests in the organization are refused, or null when it is not suspended.</returns>
    public async Task<string?> ReasonAsync(long organizationId) =>
        await SuspensionAsync(organizationId) is { } suspension
            ? $"organization {suspension.Name} ({suspension.OrganizationId}) is suspended by an operator of this Planekeeper; its data is kept, ask them to lift the suspension"
            : null;

    private async Task<OrganizationSuspension?> SuspensionAsync(long organizationId)
    {
        if (cache.Suspensions.TryGet(organizationId, out var known))
        {
            return known;
        }

        var lookup = cache.Suspensions.StartLookup();
        var suspension = await grains.Get<IOrganizationGrain>(organizationId).GetSuspensionAsync(cache.Reference);
        cache.Suspensions.Remember(organizationId, suspension, lookup);
        return suspension;
    }

    /// <returns>403 <c>organization_suspended</c>, or null when the organization is not suspended.</returns>
    public async Task<IResult?> DenialAsync(long organizationId) =>
        await ReasonAsync(organizationId) is { } reason ? Problems.ForbiddenBecause(ProblemCodes.OrganizationSuspended, reason) : null;
}
