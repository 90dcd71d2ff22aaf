namespace Planekeeper.Agent.Configuration;

/// <summary>
/// Everything the agent runs with (docs/agent.md, "Settings"): where the server is, its key (or the deployment's
/// bootstrap secret, with which a server agent provisions its own), how often to poll when the server does not
/// long-poll, the credentials it holds, and the server-agent safety switch.
/// </summary>
public sealed record AgentSettings(
    Uri ServerUrl,
    string? ApiKey,
    string AgentName,
    TimeSpan PollInterval,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<AgentCredential> Credentials,
    string? GitHubToken,
    Uri GitHubApiUrl,
    bool AllowPrivateUrls,
    string? BootstrapSecret = null)
{
    public static readonly IReadOnlyList<string> AllCapabilities = ["gather", "scrape", "helm_sync"];

    public static readonly Uri DefaultGitHubApiUrl = new("https://api.github.com/");

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    public AgentCredential? Credential(string? name) => name is null ? null : Credentials.FirstOrDefault(c => c.Name == name);
}
