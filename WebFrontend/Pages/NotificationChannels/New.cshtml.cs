using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationChannels;

/// <summary><c>/notification-channels/new?type=</c>: a channel of one type (<c>notification-channels:create</c>).</summary>
public sealed class ChannelNewModel(IClusterClient cluster) : ChannelFormPage(cluster)
{
    public IActionResult OnGet(string? type) => Pick(type) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(string? type) => Pick(type)
        ? SaveAsync(request => Cluster.GetGrain<INotificationChannelDirectoryGrain>(0).CreateAsync(Actor, OrganizationId, request))
        : Task.FromResult<IActionResult>(NotFound());

    public IActionResult OnPostGenerate(string? type) => Pick(type) ? Generate() : NotFound();

    private bool Pick(string? type)
    {
        Type = type ?? "webhook";
        return ChannelTypeForms.Types.ContainsKey(Type);
    }
}
