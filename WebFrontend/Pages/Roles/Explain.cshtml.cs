using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Pages.Roles;

/// <summary>
/// <c>/permissions/explain</c>: pick a member and an action — allowed or not, and which role and statement decided it;
/// the grain call of <c>GET /api/v1/permissions/explain</c> (<c>permissions:explain</c>). A GET form: asking changes nothing.
/// </summary>
public sealed class ExplainModel(IClusterClient cluster) : PlanekeeperPage
{
    public IReadOnlyList<MemberRecord> Members { get; private set; } = [];

    public long? UserId { get; private set; }

    public string? Action { get; private set; }

    public PermissionExplanation? Explanation { get; private set; }

    public async Task OnGetAsync(long? userId, string? action)
    {
        (UserId, Action) = (userId, action);
        if (Viewer!.May("members:list"))
        {
            Members = await cluster.GetGrain<IOrganizationGrain>(OrganizationId).ListMembersAsync();
        }

        if (userId is { } id && !string.IsNullOrWhiteSpace(action))
        {
            await ExplainAsync(id, action.Trim());
        }
    }

    private async Task ExplainAsync(long userId, string action)
    {
        var user = await cluster.GetGrain<IUserGrain>(userId).GetAsync();
        if (user is null || !await cluster.GetGrain<IOrganizationGrain>(OrganizationId).IsMemberAsync(userId))
        {
            ModelState.AddModelError("userId", $"user {userId} is not a member of this organization");
            return;
        }

        var result = await cluster.GetGrain<IPermissionGrain>(OrganizationId).ExplainAsync($"user:{userId}", user.IsSuperAdmin, action);
        if (result.Status == CommandStatus.Ok)
        {
            Explanation = result.Value;
            return;
        }

        foreach (var message in result.Errors?.Values.SelectMany(messages => messages) ?? [result.Detail ?? "the action was refused"])
        {
            ModelState.AddModelError("action", message);
        }
    }

    /// <summary>What decided, in the words of <c>decided_by</c> in the API's answer.</summary>
    public static string DecidedBy(PermissionExplanation explanation) =>
        explanation.BySuperAdmin ? "global admin" : explanation.Denying.Count > 0 ? "deny statement" : explanation.Allowing.Count > 0 ? "allow statement" : "no matching statement";
}
