using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.AlertConfigs;

/// <summary><c>/alert-configs/new</c>: create an alert config; it is evaluated at once.</summary>
public sealed class AlertConfigNewModel(IClusterClient cluster) : AlertConfigFormPage(cluster)
{
    public Task OnGetAsync() => LoadChoicesAsync();

    public Task<IActionResult> OnPostAsync() => SaveAsync();
}
