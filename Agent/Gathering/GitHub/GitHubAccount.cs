using Octokit;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.GitHub;

/// <summary>
/// Whose rate-limit quota a gather spends: the job's https_pat credential when it names one, else the agent's
/// GITHUB_TOKEN, else anonymous access (GitHub allows 60 requests an hour).
/// </summary>
internal sealed record GitHubAccount(string Key, string? Token)
{
    private static readonly GitHubAccount Anonymous = new("anonymous", null);

    public static GitHubAccount For(AgentCredential? credential, string? agentToken) => credential switch
    {
        null => string.IsNullOrEmpty(agentToken) ? Anonymous : new GitHubAccount("GITHUB_TOKEN", agentToken),
        { Type: AgentCredential.HttpsPat, Secret: { Length: > 0 } token } => new GitHubAccount($"credential {credential.Name}", token),
        _ => throw new TaskFailedException(
            $"credential '{credential.Name}' is not usable for github_releases: it takes an https_pat credential (a token)", retryable: false),
    };

    public bool IsAnonymous => Token is null;

    public Credentials Credentials => Token is null ? Credentials.Anonymous : new Credentials(Token);

    /// <summary>Never prints the token.</summary>
    public override string ToString() => Key;
}
