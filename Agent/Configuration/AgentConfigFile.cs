namespace Planekeeper.Agent.Configuration;

/// <summary>
/// The optional <c>config.yaml</c>, as written (snake_case keys). Secrets may be written inline or read from an
/// environment variable (<c>*_env</c>) or a file (<c>*_file</c>), so the file itself need not hold them.
/// </summary>
public sealed class AgentConfigFile
{
    public string? ServerUrl { get; set; }

    public string? ApiKey { get; set; }

    public string? AgentName { get; set; }

    public string? PollInterval { get; set; }

    public string? Concurrency { get; set; }

    public List<string>? Capabilities { get; set; }

    public string? GithubToken { get; set; }

    public string? GithubApiUrl { get; set; }

    public List<CredentialEntry>? Credentials { get; set; }

    public sealed class CredentialEntry
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? Username { get; set; }

        public string? Token { get; set; }

        public string? TokenEnv { get; set; }

        public string? TokenFile { get; set; }

        public string? Password { get; set; }

        public string? PasswordEnv { get; set; }

        public string? PasswordFile { get; set; }

        public string? PrivateKey { get; set; }

        public string? PrivateKeyFile { get; set; }
    }
}
