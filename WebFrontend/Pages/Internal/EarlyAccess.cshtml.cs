using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.EarlyAccess;
using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/early-access</c>: the waitlist (docs/operations.md, "Early access") by status, oldest first; invite
/// (a single-use sign-up link for that email, shown once, whose account is approved at once) or decline; CSV export.
/// </summary>
public sealed class EarlyAccessModel(IClusterClient cluster, PublicOrigin publicOrigin) : InternalPage
{
    private const int PageSize = 100;

    public IReadOnlyList<WaitlistRequest> Requests { get; private set; } = [];

    public string? Status { get; private set; }

    public string? NextCursor { get; private set; }

    /// <summary>The sign-up link of an invitation just issued (its token is never stored, so shown this once).</summary>
    public string? InvitationLink { get; private set; }

    public WaitlistRequest? Invited { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, string? cursor, string? notice)
    {
        if (status is { Length: > 0 } && !IEarlyAccessGrain.Statuses.Contains(status))
        {
            return NotFound();
        }

        Notice = notice == "declined" ? "Declined." : null;
        await LoadAsync(status, cursor);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(long id, string? status)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await Grain.InviteAsync(Operator, id);
        if (result.Status != CommandStatus.Ok)
        {
            await LoadAsync(status, null);
            return PageWithErrors(result);
        }

        Invited = result.Value!.Request;
        InvitationLink = publicOrigin.Origin + EarlyAccessEndpoints.SignUpPath(result.Value.Token);
        await LoadAsync(status, null);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id, string? status)
    {
        var result = await Grain.DeclineAsync(Operator, id);
        if (result.Status != CommandStatus.Ok)
        {
            await LoadAsync(status, null);
            return PageWithErrors(result);
        }

        return Redirect($"/internal/early-access?notice=declined{(status is { Length: > 0 } ? "&status=" + status : "")}");
    }

    private async Task LoadAsync(string? status, string? cursor)
    {
        Status = status is { Length: > 0 } ? status : null;
        var page = await Grain.ListAsync(Status, PageSize, long.TryParse(cursor, out var after) ? after : null);
        Requests = page.Items;
        NextCursor = page.NextCursor;
    }

    private IEarlyAccessGrain Grain => cluster.GetGrain<IEarlyAccessGrain>(0);
}
