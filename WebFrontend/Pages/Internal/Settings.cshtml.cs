using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Settings;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/settings</c>: the global settings (organization 0), the fallback of every organization's — list, set
/// and clear; the grain validates each key (the calls of <c>GET/PUT /api/v1/internal/settings</c>).
/// </summary>
public sealed class SettingsModel(IClusterClient cluster) : InternalPage
{
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice == "saved" ? "Saved." : null;
        Values = await Grain.ListAsync();
    }

    public Task<IActionResult> OnPostSetAsync() => SetAsync(Key?.Trim() ?? "", Value, "Value");

    public Task<IActionResult> OnPostClearAsync(string? key) => SetAsync(key ?? "", null, "");

    private async Task<IActionResult> SetAsync(string key, string? value, string field)
    {
        var result = await Grain.SetAsync(Operator, key, string.IsNullOrEmpty(value) ? null : value);
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect("/internal/settings?notice=saved");
        }

        Values = await Grain.ListAsync();
        return PageWithErrors(result, field);
    }

    private ISettingsGrain Grain => cluster.GetGrain<ISettingsGrain>(0);
}
