using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationChannels;

/// <summary>
/// <c>/notification-channels/{id}/edit</c>: change a channel (its type stays; make a new channel for another type),
/// and delete it after confirming (<c>?delete=true</c>) — refused with 409 naming the rules that send to it.
/// </summary>
public sealed class ChannelEditModel(IClusterClient cluster) : ChannelFormPage(cluster)
{
    public bool ConfirmingDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool delete)
    {
        ConfirmingDelete = delete;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id) =>
        await LoadAsync(id) ? await SaveAsync(request => Grain(id).UpdateAsync(Actor, OrganizationId, request, Loaded(LoadedVersion))) : NotFound();

    public async Task<IActionResult> OnPostGenerateAsync(long id) => await LoadAsync(id) ? Generate() : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await Grain(id).DeleteAsync(Actor, OrganizationId, Loaded(LoadedVersion));
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect("/notification-channels?notice=deleted");
        }

        ConfirmingDelete = true;
        return PageWithErrors(result, "delete");
    }

    private async Task<bool> LoadAsync(long id)
    {
        Id = id;
        if (await Grain(id).GetAsync(OrganizationId) is not { } channel)
        {
            return false;
        }

        Fill(channel);
        if (HttpMethods.IsGet(Request.Method))
        {
            LoadedVersion = channel.Version;
        }

        return true;
    }

    private INotificationChannelGrain Grain(long id) => Cluster.GetGrain<INotificationChannelGrain>(id);
}
