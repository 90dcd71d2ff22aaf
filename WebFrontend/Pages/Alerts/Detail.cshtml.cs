using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.Alerts;

/// <summary>
/// <c>/alerts/{id}</c>: one alert with its history and deliveries, and the commands a person takes — acknowledge (with a
/// reason and a ticket), unacknowledge, resolve — through the same grain calls as <c>/api/v1/alerts/{id}/…</c>.
/// </summary>
public sealed class AlertDetailModel(IClusterClient cluster) : PlanekeeperPage
{
    public AlertRecord Alert { get; private set; } = null!;

    public IReadOnlyList<AlertActionRecord> History { get; private set; } = [];

    public IReadOnlyList<DeliveryRecord> Deliveries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, string? reason, string? ticket)
    {
        if (AcknowledgmentNote.Json(reason, ticket) is not { } metadata)
        {
            return await LoadAsync(id) ? PageWithErrors(CommandResult<bool>.Invalid("reason", AcknowledgmentNote.TooLong)) : NotFound();
        }

        return await DoneAsync(id, await Alerts.AcknowledgeAsync(Actor, OrganizationId, id, metadata));
    }

    public async Task<IActionResult> OnPostUnacknowledgeAsync(long id) => await DoneAsync(id, await Alerts.UnacknowledgeAsync(Actor, OrganizationId, id));

    public async Task<IActionResult> OnPostResolveAsync(long id) => await DoneAsync(id, await Alerts.ResolveAsync(Actor, OrganizationId, id));

    private IAlertsGrain Alerts => cluster.GetGrain<IAlertsGrain>(0);

    /// <summary>After a command: the page again by GET (post/redirect/get), or the page with the refusal.</summary>
    private async Task<IActionResult> DoneAsync(long id, CommandResult<AlertRecord> result) =>
        result.Status == CommandStatus.Ok ? LocalRedirect($"/alerts/{id}") : await LoadAsync(id) ? PageWithErrors(result) : NotFound();

    private async Task<bool> LoadAsync(long id)
    {
        if (await Alerts.GetAsync(OrganizationId, id) is not { } alert)
        {
            return false;
        }

        Alert = alert;
        History = await Alerts.ListActionsAsync(OrganizationId, id) ?? [];
        Deliveries = Viewer!.May("notification-deliveries:list")
            ? await cluster.GetGrain<IDeliveriesGrain>(0).OfAlertAsync(OrganizationId, id) ?? []
            : [];
        return true;
    }
}
