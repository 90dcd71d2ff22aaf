using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary>The new and edit pages of a gather job (docs/ui.md).</summary>
public abstract class GatherJobFormPage(IClusterClient cluster)
    : JobFormPage<GatherJobForm, GatherJobRequest, GatherJobRecord, IGatherJobGrain, IGatherJobDirectoryGrain>(cluster)
{
    protected override string Path => "/gather-jobs";

    protected override GatherJobForm FormOf(GatherJobRecord job) => GatherJobForm.From(job);
}
