using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.HelmSyncJobs;

/// <summary>The new and edit pages of a helm sync job (docs/ui.md).</summary>
public abstract class HelmSyncJobFormPage(IClusterClient cluster)
    : JobFormPage<HelmSyncJobForm, HelmSyncJobRequest, HelmSyncJobRecord, IHelmSyncJobGrain, IHelmSyncJobDirectoryGrain>(cluster)
{
    protected override string Path => "/helm-sync-jobs";

    protected override HelmSyncJobForm FormOf(HelmSyncJobRecord job) => HelmSyncJobForm.From(job);
}
