using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.GitHub;

/// <summary>A github_releases artifact, <c>github.com/&lt;owner&gt;/&lt;repo&gt;</c> (on GitHub Enterprise, the same path on its API).</summary>
internal sealed record GitHubRepository(string Owner, string Name)
{
    public static GitHubRepository Parse(string artifactName) =>
        artifactName.Trim().TrimEnd('/').Split('/') is [var host, var owner, var name] && host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
            && owner.Length > 0 && name.Length > 0
            ? new GitHubRepository(owner, name)
            : throw new TaskFailedException($"artifact_name '{artifactName}' is not github.com/<owner>/<repo>", retryable: false);

    /// <summary>The first page of its releases, relative to the API's base address.</summary>
    public Uri ReleasesUri(int pageSize) =>
        new($"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}/releases?per_page={pageSize}", UriKind.Relative);

    public override string ToString() => $"github.com/{Owner}/{Name}";
}
