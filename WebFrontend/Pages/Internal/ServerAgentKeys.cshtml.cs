using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/server-agent-keys</c>: the keys of the global scope that server agents use (docs/agent.md, "Server agents"), provisioned
/// here or bootstrapped — list, create (the value is in this answer only) and revoke; the grain calls of
/// <c>/api/v1/internal/server-agent-keys</c>.
/// </summary>
public sealed class ServerAgentKeysModel(IClusterClient cluster) : InternalPage
{
    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "expires")]
    public DateOnly? Expires { get; set; }

    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];

    public CreatedApiKey? Created { get; private set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice == "revoked" ? "Revoked: the next request with that key is refused." : null;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var expiresAt = Expires?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var result = await cluster.GetGrain<IApiKeyDirectoryGrain>(0).CreateAsync(Operator, ServerAgentKeys.GlobalOrganizationId, Name ?? "", [], expiresAt);
        await LoadAsync();
        if (result.Status != CommandStatus.Ok)
        {
            return PageWithErrors(result);
        }

        Created = result.Value;
        Name = null;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        var result = await cluster.GetGrain<IApiKeyGrain>(id).DeactivateAsync(Operator, ServerAgentKeys.GlobalOrganizationId);
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect("/internal/server-agent-keys?notice=revoked");
        }

        await LoadAsync();
        return PageWithErrors(result);
    }

    private async Task LoadAsync() => Keys = await cluster.GetGrain<IApiKeyDirectoryGrain>(0).ListAsync(ServerAgentKeys.GlobalOrganizationId);
}
