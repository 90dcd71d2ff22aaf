using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.Rules;

/// <summary><c>/monitoring-rules/new</c>: create a monitoring rule.</summary>
public sealed class RuleNewModel(IClusterClient cluster) : RuleFormPage(cluster)
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync();
}
