using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Jobs;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// Checks what an agent reports before anything is stored: each kind reports its own field only (gather:
/// <c>releases</c>, scrape: <c>version</c>, helm sync: <c>charts</c>), versions are single tokens, lists are bounded.
/// </summary>
public static class TaskResultValidator
{
    public const int MaxReleases = 10_000;
    public const int MaxCharts = 5_000;
    public const int MaxErrorLength = 2_000;

    /// <returns>Field errors, or null when the result can be stored.</returns>
    public static IReadOnlyDictionary<string, string[]>? Validate(string kind, TaskResult result)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        RefuseOtherKinds(kind, result, Add);
        switch (kind)
        {
            case JobRef.Gather when result.Unchanged:
                if (result.Releases is { Count: > 0 })
                {
                    Add("releases", "an unchanged upstream reports no releases: the stored ones stay");
                }

                break;
            case JobRef.Gather:
                CheckReleases(result.Releases, Add);
                break;
            case JobRef.Scrape:
                CheckVersion(result.Version, Add);
                break;
            case JobRef.HelmSync:
                CheckCharts(result.Charts, Add);
                break;
        }

        return errors.Count == 0 ? null : errors;
    }

    /// <summary>A failure's message as stored: trimmed, never empty, at most <see cref="MaxErrorLength"/> characters.</summary>
    public static string ErrorText(string? error)
    {
        var text = string.IsNullOrWhiteSpace(error) ? "the agent reported a failure without a message" : error.Trim();
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    private static void RefuseOtherKinds(string kind, TaskResult result, Action<string, string> add)
    {
        if (kind != JobRef.Gather && result.Releases is not null)
        {
            add("releases", $"releases are reported by gather jobs, this is a {kind}");
        }

        if (kind != JobRef.Scrape && result.Version is not null)
        {
            add("version", $"a version is reported by scrape jobs, this is a {kind}");
        }

        if (kind != JobRef.Gather && (result.Unchanged || result.Validators is not null))
        {
            add("unchanged", $"only gather jobs make conditional requests, this is a {kind}");
        }

        if (result.Validators?.ETag is { Length: > 500 })
        {
            add("etag", "an ETag is at most 500 characters");
        }

        if (kind != JobRef.HelmSync && result.Charts is not null)
        {
            add("charts", $"charts are reported by helm sync jobs, this is a {kind}");
        }
    }

    private static void CheckReleases(IReadOnlyList<FoundRelease>? releases, Action<string, string> add)
    {
        if (releases is null)
        {
            add("releases", "a gather job reports its releases (an empty list when it found none)");
            return;
        }

        if (releases.Count > MaxReleases)
        {
            add("releases", $"at most {MaxReleases} releases per report");
        }

        for (var i = 0; i < releases.Count; i++)
        {
            var problem = releases[i] is null ? "a release is required" : VersionToken.Validate(releases[i].Version);
            if (problem is not null)
            {
                add($"releases[{i}].version", problem);
            }
        }
    }

    private static void CheckVersion(FoundVersion? version, Action<string, string> add)
    {
        if (version is null)
        {
            add("version", "a scrape job reports the version it found");
        }
        else if (VersionToken.Validate(version.Version) is { } problem)
        {
            add("version", problem);
        }
    }

    private static void CheckCharts(IReadOnlyList<FoundChart>? charts, Action<string, string> add)
    {
        if (charts is null)
        {
            add("charts", "a helm sync job reports the charts it found (an empty list when none)");
            return;
        }

        if (charts.Count > MaxCharts)
        {
            add("charts", $"at most {MaxCharts} charts per report");
        }

        for (var i = 0; i < charts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(charts[i]?.Name) || charts[i].Name.Length > 200)
            {
                add($"charts[{i}].name", "a chart name is 1-200 characters");
            }
        }
    }
}
