using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationRules;

/// <summary><c>/notification-rules/new</c>: create a notification rule (<c>notification-rules:create</c>).</summary>
public sealed class NotificationRuleNewModel(IClusterClient cluster) : NotificationRuleFormPage(cluster)
{
    public Task OnGetAsync() => LoadChoicesAsync();

    public Task<IActionResult> OnPostAsync() =>
        SaveAsync(request => Cluster.GetGrain<INotificationRuleDirectoryGrain>(0).CreateAsync(Actor, OrganizationId, request));
}
