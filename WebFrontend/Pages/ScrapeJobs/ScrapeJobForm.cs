using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary>The scrape job form's fields as the browser posts them; labels are one <c>key: value</c> per line.</summary>
public sealed class ScrapeJobForm : IJobForm<ScrapeJobRequest>
{
    public static IReadOnlyList<string> ParseTypes { get; } = ["yq", "jq", "regex", "manual"];

    public static IReadOnlyList<string> VersionTransforms { get; } = ["none", "add_v_lower", "add_v_upper", "strip_v_lower", "strip_v_upper"];

    public string? Name { get; set; }

    public string? ParseType { get; set; } = "yq";

    public string? RepositoryUrl { get; set; }

    public string? Ref { get; set; } = "main";

    public string? TargetFile { get; set; }

    public string? ParseExpression { get; set; }

    public string? CredentialName { get; set; }

    public string? Schedule { get; set; }

    public string? VersionTransform { get; set; } = "none";

    public int? HistoryLimit { get; set; } = 10;

    public string? Labels { get; set; }

    public static ScrapeJobForm From(ScrapeJobRecord job) => new()
    {
        Name = job.Name, ParseType = job.ParseType, RepositoryUrl = job.RepositoryUrl, Ref = job.Ref, TargetFile = job.TargetFile,
        ParseExpression = job.ParseExpression, CredentialName = job.CredentialName, Schedule = job.Schedule,
        VersionTransform = job.VersionTransform, HistoryLimit = job.HistoryLimit, Labels = LabelLines.Format(job.Labels),
    };

    /// <summary>A manual job has no repository side: those fields are not sent, as a client of the API would not.</summary>
    public ScrapeJobRequest ToRequest(IReadOnlyDictionary<string, string> labels) => ParseType == "manual"
        ? new(Name, null, null, null, ParseType, null, null, null, VersionTransform, HistoryLimit, labels)
        : new(Name, LabelLines.Blank(RepositoryUrl), LabelLines.Blank(Ref), LabelLines.Blank(TargetFile), ParseType, LabelLines.Blank(ParseExpression),
            LabelLines.Blank(CredentialName), LabelLines.Blank(Schedule), VersionTransform, HistoryLimit, labels);
}
