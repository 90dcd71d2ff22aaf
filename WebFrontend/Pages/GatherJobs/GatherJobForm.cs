using Planekeeper.Grains.Interfaces.Jobs.Gather;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary>The gather job form's fields as the browser posts them; labels are one <c>key: value</c> per line.</summary>
public sealed class GatherJobForm
{
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
        Labels = string.Join('\n', job.Labels.Select(label => $"{label.Key}: {label.Value}")),
    };

    /// <summary>The labels, or null when a line is not <c>key: value</c>.</summary>
    public IReadOnlyDictionary<string, string>? ParseLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (Labels ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon < 1)
            {
                return null;
            }

            labels[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return labels;
    }

    public GatherJobRequest ToRequest(IReadOnlyDictionary<string, string> labels) =>
        new(Name, SourceType, ArtifactName, Blank(Schedule), Blank(CredentialName), Blank(TagFilter), labels);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
