using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Pages.Deletion;

/// <summary>
/// The confirmation page before deleting a job, a rule or an alert config (docs/ui.md, "Deleting"): it names what will
/// be deleted and, for what alert configs use, lists them with links — the grain refuses such a delete with 409, and
/// the page shows that refusal the same way.
/// </summary>
public abstract class DeletePage(IClusterClient cluster) : PlanekeeperPage
{
    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public IReadOnlyList<AlertConfigUse> UsedBy { get; private set; } = [];

    /// <summary>The version shown on this page; the delete is refused (412) when it moved on since (docs/ui.md, "Editing at the same time").</summary>
    [BindProperty]
    public int? LoadedVersion { get; set; }

    /// <summary>What is deleted, in words: <c>gather job</c>.</summary>
    public abstract string Noun { get; }

    /// <summary>Where its list lives, e.g. <c>/gather-jobs</c>.</summary>
    public abstract string ListPath { get; }

    /// <summary>The permission the delete needs, e.g. <c>gather-jobs:delete</c>.</summary>
    public abstract string DeleteAction { get; }

    /// <summary>What alert configs use of it; null for an alert config itself.</summary>
    protected abstract AlertConfigInput? Input { get; }

    /// <summary>Its name and version, or null when the organization has no such thing.</summary>
    protected abstract Task<(string Name, int Version)?> FindAsync(long id);

    protected abstract Task<CommandResult<bool>> DeleteAsync(long id, ExpectedVersion? expected);

    protected IClusterClient Cluster => cluster;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var result = await DeleteAsync(id, Loaded(LoadedVersion));
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect(ListPath);
        }

        return await LoadAsync(id) ? PageWithErrors(result) : NotFound();
    }

    private async Task<bool> LoadAsync(long id)
    {
        Id = id;
        if (await FindAsync(id) is not { } found)
        {
            return false;
        }

        (Name, var version) = found;
        LoadedVersion = version;
        UsedBy = Input is { } input ? await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).UsingAsync(OrganizationId, input, id) : [];
        return true;
    }
}
