using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Pages.ApiKeys;

/// <summary>
/// <c>/api-keys</c>: the organization's API keys (never their secrets) with switch off/on and deactivate, and the form
/// that creates one — the grain calls of <c>/api/v1/api-keys</c>. A new key's value is in the answer to the create
/// post only, which is never stored by the browser (<c>no-store</c>); any later visit shows just its name.
/// </summary>
public sealed class ApiKeysModel(IClusterClient cluster) : PlanekeeperPage
{
    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "roles")]
    public List<string> Roles { get; set; } = ["member"];

    [BindProperty(Name = "expires")]
    public DateOnly? Expires { get; set; }

    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];

    public IReadOnlyList<RoleRecord> OrganizationRoles { get; private set; } = [];

    /// <summary>Member emails by user id, for "created by"; empty without <c>members:list</c>.</summary>
    public IReadOnlyDictionary<long, string> Members { get; private set; } = new Dictionary<long, string>();

    /// <summary>The key just created, with its value: shown in this answer only.</summary>
    public CreatedApiKey? Created { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var expiresAt = Expires?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var result = await cluster.GetGrain<IApiKeyDirectoryGrain>(0).CreateAsync(Actor, OrganizationId, Name ?? "", Roles, expiresAt);
        await LoadAsync();
        if (result.Status != CommandStatus.Ok)
        {
            return PageWithErrors(result);
        }

        Created = result.Value;
        Name = null;
        return Page();
    }

    public Task<IActionResult> OnPostToggleAsync(long id) => ChangeAsync(id, key => key.ToggleAsync(Actor, OrganizationId));

    public Task<IActionResult> OnPostDeactivateAsync(long id) => ChangeAsync(id, key => key.DeactivateAsync(Actor, OrganizationId));

    private async Task<IActionResult> ChangeAsync(long id, Func<IApiKeyGrain, Task<CommandResult<ApiKeyRecord>>> change)
    {
        var result = await change(cluster.GetGrain<IApiKeyGrain>(id));
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect("/api-keys");
        }

        await LoadAsync();
        return PageWithErrors(result);
    }

    private async Task LoadAsync()
    {
        Keys = await cluster.GetGrain<IApiKeyDirectoryGrain>(0).ListAsync(OrganizationId);
        OrganizationRoles = await cluster.GetGrain<IPermissionGrain>(OrganizationId).ListRolesAsync();
        if (Viewer!.May("members:list"))
        {
            Members = (await cluster.GetGrain<IOrganizationGrain>(OrganizationId).ListMembersAsync()).ToDictionary(member => member.UserId, member => member.Email);
        }
    }
}
