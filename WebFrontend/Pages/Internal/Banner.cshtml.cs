using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.WebFrontend.Announcements;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/banner</c>: the announcement every Client UI page shows (docs/operations.md, "The banner") — the
/// global setting <c>maintenance_banner</c> written from a level and a message, or cleared. Frontends pick it up
/// within <c>BANNER_REFRESH_INTERVAL</c>.
/// </summary>
public sealed class BannerModel(IClusterClient cluster, BannerSettings settings) : InternalPage
{
    public MaintenanceBanner? Current { get; private set; }

    public TimeSpan RefreshInterval => settings.RefreshInterval;

    [BindProperty]
    public string Level { get; set; } = "info";

    [BindProperty]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice switch { "saved" => "Saved: every frontend shows it within the refresh interval.", "cleared" => "Cleared.", _ => null };
        await LoadAsync();
        Level = Current?.Level ?? "info";
        Message = Current?.Message;
    }

    public Task<IActionResult> OnPostSetAsync() => SetAsync($"{Level}:{Message}", "saved");

    public Task<IActionResult> OnPostClearAsync() => SetAsync(null, "cleared");

    private async Task<IActionResult> SetAsync(string? value, string notice)
    {
        var result = await cluster.GetGrain<ISettingsGrain>(0).SetAsync(Operator, MaintenanceBanner.Setting, value);
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect($"/internal/banner?notice={notice}");
        }

        await LoadAsync();
        return PageWithErrors(result, "value");
    }

    private async Task LoadAsync()
    {
        var values = await cluster.GetGrain<ISettingsGrain>(0).ListAsync();
        Current = values.TryGetValue(MaintenanceBanner.Setting, out var value) ? MaintenanceBanner.Parse(value, out _) : null;
    }
}
