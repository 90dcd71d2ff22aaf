using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.Roles;

/// <summary><c>/roles/new</c>: a custom role from a policy document (<c>roles:create</c>).</summary>
public sealed class RoleNewModel(IClusterClient cluster) : RoleFormPage(cluster)
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync();

    public Task<IActionResult> OnPostStatementAsync() => AddStatementAsync();
}
