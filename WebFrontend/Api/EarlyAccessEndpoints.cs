using System.Globalization;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.EarlyAccess;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The global admin's side of the early-access waitlist (internal port only, docs/api.md): the list, invitation,
/// refusal and the CSV export. The public side is the page <c>/earlyaccess</c>.
/// </summary>
public static class EarlyAccessEndpoints
{
    /// <summary>An invitation: the request, the single-use token and the sign-up path carrying it (shown once).</summary>
    public sealed record EarlyAccessInvitation(WaitlistRequest Request, string Token, string SignupPath);

    public static void MapEarlyAccessEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/internal/early-access").WithTags("Internal");
        requests.MapGet("/", async ([ValuesOf(typeof(IEarlyAccessGrain), nameof(IEarlyAccessGrain.Statuses))] string? status, int? limit, string? cursor, IClusterClient cluster) =>
        {
            if (status is not null && !IEarlyAccessGrain.Statuses.Contains(status))
            {
                return Problems.Invalid("status", "status must be new, invited or declined");
            }

            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await Grain(cluster).ListAsync(status, page.Limit, page.After);
            return Results.Ok(result);
        }).Produces<Page<WaitlistRequest>>().WithSummary("The early-access requests, oldest first, optionally of one status (new, invited, declined); keyset pagination.");

        requests.MapPost("/{id:long}/invite", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Grain(cluster).InviteAsync(context.Identity().Subject!, id), invitation => Results.Ok(new EarlyAccessInvitation(invitation.Request, invitation.Token, SignUpPath(invitation.Token)))))
            .Produces<EarlyAccessInvitation>().WithSummary("Invite the requester: a single-use sign-up link for that email whose account is approved at once (token shown once).");

        requests.MapPost("/{id:long}/decline", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Grain(cluster).DeclineAsync(context.Identity().Subject!, id), Results.Ok))
            .Produces<WaitlistRequest>().WithSummary("Decline the request (an unused invitation stops working).");

        api.MapGet("/internal/early-access.csv", async (IClusterClient cluster) =>
            {
                var rows = await Grain(cluster).ExportAsync();
                var csv = Csv.Write(
                    ["id", "email", "name", "company", "use_case", "status", "created_at", "updated_at", "invited_at", "declined_at", "invite_used_at"],
                    rows.Select(row => new[]
                    {
                        row.Id.ToString(CultureInfo.InvariantCulture), row.Email, row.Name, row.Company, row.UseCase, row.Status,
                        Time(row.CreatedAt), Time(row.UpdatedAt), Time(row.InvitedAt), Time(row.DeclinedAt), Time(row.InviteUsedAt),
                    }));
                return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "early-access.csv");
            })
            .WithName("internalExportEarlyAccessCsv").WithTags("Internal")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("Every early-access request as CSV (cells that look like formulas are prefixed with ').");
    }

    /// <summary>The sign-up page's link for an invitation (relative to the public origin).</summary>
    public static string SignUpPath(string token) => $"/signup?invite={Uri.EscapeDataString(token)}";

    private static IEarlyAccessGrain Grain(IClusterClient cluster) => cluster.GetGrain<IEarlyAccessGrain>(0);

    private static string? Time(DateTime? value) => value?.ToString("O", CultureInfo.InvariantCulture);
}
