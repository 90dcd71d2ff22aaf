using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationRules;

/// <summary>
/// <c>/notification-rules/{id}/edit</c>: replace a notification rule (reading needs <c>notification-rules:read</c>,
/// saving <c>notification-rules:update</c>); its counts stay. Another organization's rule is the 404 page.
/// </summary>
public sealed class NotificationRuleEditModel(IClusterClient cluster) : NotificationRuleFormPage(cluster)
{
    /// <summary>The rule's stored name: the page's title while the form shows what was typed.</summary>
    public string StoredName { get; private set; } = "";

    public long Matched { get; private set; }

    public long Skipped { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is not { } rule)
        {
            return NotFound();
        }

        Fill(rule);
        LoadedVersion = rule.Version;
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id) =>
        await LoadAsync(id) is null ? NotFound() : await SaveAsync(request => Grain(id).UpdateAsync(Actor, OrganizationId, request, Loaded(LoadedVersion)));

    private async Task<NotificationRuleRecord?> LoadAsync(long id)
    {
        Id = id;
        if (await Grain(id).GetAsync(OrganizationId) is not { } rule)
        {
            return null;
        }

        (StoredName, Matched, Skipped) = (rule.Name, rule.Matched, rule.Skipped);
        return rule;
    }

    private INotificationRuleGrain Grain(long id) => Cluster.GetGrain<INotificationRuleGrain>(id);
}
