using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary>The gather job form's fields as the browser posts them; labels are one <c>key: value</c> per line.</summary>
public sealed class GatherJobForm : IJobForm<GatherJobRequest>
{
    public static IReadOnlyList<string> SourceTypes { get; } = ["github_releases", "helm_repository", "oci_registry"];

    public string? Name { get; set; }

    public string? SourceType { get; set; } = "github_releases";

    public string? ArtifactName { get; set; }

    public string? Schedule { get; set; }

    public string? CredentialName { get; set; }

    public string? TagFilter { get; set; }

    public string? Labels { get; set; }

    public static GatherJobForm From(GatherJobRecord job) => new()
    {
        Name = job.Name, SourceType = job.SourceType, ArtifactName = job.ArtifactName, Schedule = job.Schedule,
        CredentialName = job.CredentialName, TagFilter = job.TagFilter,
        Labels = LabelLines.Format(job.Labels),
    };

    public GatherJobRequest ToRequest(IReadOnlyDictionary<string, string> labels) =>
        new(Name, SourceType, ArtifactName, LabelLines.Blank(Schedule), LabelLines.Blank(CredentialName), LabelLines.Blank(TagFilter), labels);
}
