using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Pages.Roles;

/// <summary>
/// What the new and edit pages of a custom role share: the policy editor, saved through the grain that checks the
/// document as <c>POST</c>/<c>PUT /api/v1/roles</c> do — its errors name the statement (<c>Statement[1]: …</c>).
/// </summary>
public abstract class RoleFormPage(IClusterClient cluster) : PlanekeeperPage
{
    public const string ExamplePolicy = """
        {
          "Statement": [
            { "Effect": "Allow", "Action": ["gather-jobs:*", "scrape-jobs:list"], "Resource": "*" },
            { "Effect": "Deny", "Action": ["gather-jobs:delete"], "Resource": "*" }
          ]
        }
        """;

    /// <summary>The role being edited; null on the new-role page.</summary>
    public string? Key { get; protected set; }

    [BindProperty(Name = "key")]
    public string? NewKey { get; set; }

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "description")]
    public string? Description { get; set; }

    [BindProperty(Name = "policy")]
    public string Policy { get; set; } = ExamplePolicy;

    /// <summary>The role's version when the edit page was loaded; a save or delete is refused (412) when it moved on since.</summary>
    [BindProperty(Name = "loaded_version")]
    public int? LoadedVersion { get; set; }

    [BindProperty(Name = "statementEffect")]
    public string StatementEffect { get; set; } = "Allow";

    [BindProperty(Name = "statementAction")]
    public string? StatementAction { get; set; }

    /// <summary>The actions the signed-in user holds — the only ones a role they write may grant.</summary>
    public IEnumerable<string> ActionsYouHold => Viewer!.Actions.Order(StringComparer.Ordinal);

    protected IClusterClient Cluster => cluster;

    protected IPermissionGrain Permissions => cluster.GetGrain<IPermissionGrain>(OrganizationId);

    protected async Task<IActionResult> SaveAsync()
    {
        var result = Key is { } key
            ? await Permissions.UpdateRoleAsync(Actor, key, Name ?? "", Description ?? "", Policy, Loaded(LoadedVersion))
            : await Permissions.CreateRoleAsync(Actor, NewKey ?? "", Name ?? "", Description ?? "", Policy);
        if (result.Status != CommandStatus.Ok)
        {
            await LoadAsync();
            return PageWithErrors(result);
        }

        return LocalRedirect($"/roles/{Uri.EscapeDataString(result.Value!.Key)}/edit?notice=saved");
    }

    /// <summary>Adds a statement to the policy being written and shows the form again; nothing is saved.</summary>
    protected async Task<IActionResult> AddStatementAsync()
    {
        var (policy, problem) = PolicyStatements.Append(Policy, StatementEffect, StatementAction);
        await LoadAsync();
        if (problem is not null)
        {
            ModelState.AddModelError("statement", problem);
            return Page();
        }

        ModelState.Clear();
        (Policy, StatementAction) = (policy!, null);
        return Page();
    }

    /// <summary>What the page shows beside the form; the edit page adds the members.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;
}
