using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The filter of a job list from its query (docs/jobs.md, "Listing"): <c>status</c> one of the job statuses,
/// <c>label=key:value</c> any number of times (a job must carry all of them).
/// </summary>
public static class JobListQuery
{
    public const int MostLabels = 32;
    private const int MostLabelLength = 320;

    /// <returns>The filter, or the field and message of the first problem.</returns>
    public static (JobFilter? Filter, string? Field, string? Problem) Parse(string? status, IReadOnlyList<string>? labels)
    {
        if (status is not null && !JobStatus.All.Contains(status))
        {
            return (null, "status", $"status must be one of {string.Join(", ", JobStatus.All)}");
        }

        labels ??= [];
        if (labels.Count > MostLabels)
        {
            return (null, "label", $"at most {MostLabels} label filters");
        }

        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var colon = label.IndexOf(':');
            if (colon < 1 || label.Length > MostLabelLength)
            {
                return (null, "label", "label must be key:value, e.g. label=team:platform");
            }

            if (!wanted.TryAdd(label[..colon], label[(colon + 1)..]) && wanted[label[..colon]] != label[(colon + 1)..])
            {
                return (null, "label", $"label {label[..colon]} is asked for with two values; no job has both");
            }
        }

        return (new JobFilter(status, wanted), null, null);
    }
}
