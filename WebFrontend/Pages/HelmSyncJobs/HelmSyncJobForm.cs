using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.HelmSyncJobs;

/// <summary>The helm sync job form's fields as the browser posts them; labels are one <c>key: value</c> per line.</summary>
public sealed class HelmSyncJobForm : IJobForm<HelmSyncJobRequest>
{
    public string? Name { get; set; }

    public string? RepositoryUrl { get; set; }

    public string? ChartFilter { get; set; }

    public string? Schedule { get; set; }

    public string? CredentialName { get; set; }

    public string? Labels { get; set; }

    public static HelmSyncJobForm From(HelmSyncJobRecord job) => new()
    {
        Name = job.Name, RepositoryUrl = job.RepositoryUrl, ChartFilter = job.ChartFilter, Schedule = job.Schedule,
        CredentialName = job.CredentialName, Labels = LabelLines.Format(job.Labels),
    };

    public HelmSyncJobRequest ToRequest(IReadOnlyDictionary<string, string> labels) =>
        new(Name, RepositoryUrl, LabelLines.Blank(ChartFilter), LabelLines.Blank(Schedule), LabelLines.Blank(CredentialName), labels);
}
