namespace Planekeeper.Agent.Configuration;

/// <summary>
/// Everything the agent runs with (docs/agent.md, "Settings"): where the server is, its key (or the deployment's
/// bootstrap secret, with which a server agent provisions its own), how often to poll when the server does not
/// long-poll, how many tasks it runs at once, the credentials it holds, and the server-agent safety switch.
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
    string? BootstrapSecret = null,
    int Concurrency = AgentSettings.DefaultConcurrency)
{
    /// <summary>
    /// Four tasks at once by default: a backlog drains four times faster while an agent makes at most four upstream
    /// requests at a time, far below GitHub's limit on concurrent requests per token (docs/agent.md, "Running several tasks at once").
    /// </summary>
    public const int DefaultConcurrency = 4;

    /// <summary>The most tasks one claim may ask for (<c>max_tasks</c>, docs/jobs.md), so the most slots an agent has.</summary>
    public const int MaxConcurrency = 50;

    public static readonly IReadOnlyList<string> AllCapabilities = ["gather", "scrape", "helm_sync"];

    public static readonly Uri DefaultGitHubApiUrl = new("https://api.github.com/");

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    public AgentCredential? Credential(string? name) => name is null ? null : Credentials.FirstOrDefault(c => c.Name == name);
}
