using Planekeeper.Agent.Configuration;

namespace Planekeeper.Tests.Agent.Configuration;

public sealed class AgentSettingsLoaderTests : IDisposable
{
    private const string Key = "pk_7_abcdefghijklmnopqrstuvwxyz012345";

    private readonly string _folder = Directory.CreateTempSubdirectory("agent-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private string ConfigFile(string yaml)
    {
        var path = Path.Combine(_folder, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void The_environment_alone_is_enough_and_defaults_fill_the_rest()
    {
        var settings = AgentSettingsLoader.Load([], Environment(("AGENT_SERVER_URL", "https://pk.example.com"), ("AGENT_API_KEY", Key)));

        Assert.Equal(new Uri("https://pk.example.com/"), settings.ServerUrl);
        Assert.Equal(Key, settings.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PollInterval);
        Assert.Equal(["gather", "scrape", "helm_sync"], settings.Capabilities);
        Assert.Equal(new Uri("https://api.github.com/"), settings.GitHubApiUrl);
        Assert.False(settings.AllowPrivateUrls);
        Assert.Equal(4, settings.Concurrency);
    }

    [Fact]
    public void The_environment_overrides_the_config_file_which_holds_credentials()
    {
        var path = ConfigFile("""
            server_url: https://from-file.example.com
            api_key: pk_1_fromthefile
            poll_interval: 1m
            concurrency: 8
            capabilities: [scrape]
            credentials:
              - name: infra-repo
                type: ssh_key
                private_key: |
                  -----BEGIN OPENSSH PRIVATE KEY-----
                  abc
                  -----END OPENSSH PRIVATE KEY-----
              - name: github-pat
                type: https_pat
                token_env: MY_TOKEN
              - name: ghcr
                type: registry_basic
                username: robot
                password: hunter2
            """);

        var settings = AgentSettingsLoader.Load(["--config", path], Environment(("AGENT_API_KEY", Key), ("MY_TOKEN", "ghp_secret")));

        Assert.Equal(new Uri("https://from-file.example.com/"), settings.ServerUrl);
        Assert.Equal(Key, settings.ApiKey);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.PollInterval);
        Assert.Equal(8, settings.Concurrency);
        Assert.Equal(["scrape"], settings.Capabilities);
        Assert.Contains("BEGIN OPENSSH PRIVATE KEY", settings.Credential("infra-repo")!.PrivateKey);
        Assert.Equal("ghp_secret", settings.Credential("github-pat")!.Secret);
        Assert.Equal(("robot", "hunter2"), (settings.Credential("ghcr")!.Username, settings.Credential("ghcr")!.Secret));
        Assert.DoesNotContain("hunter2", settings.Credential("ghcr")!.ToString());
    }

    [Fact]
    public void The_environment_sets_how_many_tasks_run_at_once()
    {
        var settings = AgentSettingsLoader.Load([], Environment(("AGENT_SERVER_URL", "https://pk.example.com"), ("AGENT_API_KEY", Key), ("AGENT_CONCURRENCY", "1")));

        Assert.Equal(1, settings.Concurrency);
    }

    [Theory]
    [InlineData("pk.example.com", "AGENT_SERVER_URL must start with http:// or https://, got 'pk.example.com'")]
    [InlineData("ftp://pk.example.com", "AGENT_SERVER_URL must start with http:// or https://, got 'ftp://pk.example.com'")]
    public void A_server_url_without_scheme_is_one_clear_line(string url, string message)
    {
        var problem = Assert.Throws<AgentConfigurationException>(() => AgentSettingsLoader.Load([], Environment(("AGENT_SERVER_URL", url), ("AGENT_API_KEY", Key))));
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_missing_or_malformed_key_is_refused_unless_the_agent_can_bootstrap()
    {
        var missing = Assert.Throws<AgentConfigurationException>(() => AgentSettingsLoader.Load([], Environment(("AGENT_SERVER_URL", "http://localhost:8080"))));
        Assert.StartsWith("AGENT_API_KEY is not set", missing.Message);
        var malformed = Assert.Throws<AgentConfigurationException>(() => AgentSettingsLoader.Load([], Environment(("AGENT_SERVER_URL", "http://localhost:8080"), ("AGENT_API_KEY", "secret"))));
        Assert.Contains("pk_<id>_<secret>", malformed.Message);

        const string secret = "a bootstrap secret of 32 chars..";
        var bootstrapping = AgentSettingsLoader.Load([], Environment(("AGENT_SERVER_URL", "http://localhost:8080"), ("AGENT_BOOTSTRAP_SECRET", secret)));
        Assert.Null(bootstrapping.ApiKey);
        Assert.Equal(secret, bootstrapping.BootstrapSecret);

        var tooShort = Assert.Throws<AgentConfigurationException>(() => AgentSettingsLoader.Load([], Environment(("AGENT_SERVER_URL", "http://localhost:8080"), ("AGENT_BOOTSTRAP_SECRET", secret[..31]))));
        Assert.StartsWith("AGENT_BOOTSTRAP_SECRET must be at least 32 characters", tooShort.Message);
        Assert.DoesNotContain(secret[..31], tooShort.Message);
    }

    [Theory]
    [InlineData("credentials: [{name: x, type: password}]", "credential 'x': type must be ssh_key, https_pat or registry_basic, got 'password'")]
    [InlineData("credentials: [{name: 'bad name', type: https_pat, token: t}]", "credentials[0].name must be 1-100 characters of letters, digits, '.', '_' or '-'")]
    [InlineData("credentials: [{name: pat, type: https_pat}]", "credential 'pat' needs token, token_env or token_file")]
    [InlineData("credentials: [{name: pat, type: https_pat, token_env: NOT_SET}]", "credential 'pat': the environment variable NOT_SET (token_env) is not set")]
    [InlineData("capabilities: [build]", "capabilities: 'build' is not one of gather, scrape, helm_sync")]
    [InlineData("poll_interval: soon", "AGENT_POLL_INTERVAL must be a duration such as 15s, 5m or 1h (at most 366 days), got 'soon'")]
    [InlineData("concurrency: 0", "AGENT_CONCURRENCY must be a whole number from 1 to 50, got '0'")]
    [InlineData("concurrency: 51", "AGENT_CONCURRENCY must be a whole number from 1 to 50, got '51'")]
    [InlineData("concurrency: four", "AGENT_CONCURRENCY must be a whole number from 1 to 50, got 'four'")]
    [InlineData("server_url: [", "the config file")]
    public void Config_file_mistakes_name_what_is_wrong(string yaml, string message)
    {
        var path = ConfigFile(yaml);
        var problem = Assert.Throws<AgentConfigurationException>(() =>
            AgentSettingsLoader.Load(["--config", path], Environment(("AGENT_SERVER_URL", "http://localhost:8080"), ("AGENT_API_KEY", Key))));
        Assert.StartsWith(message, problem.Message);
    }

    [Fact]
    public void A_config_file_named_on_the_command_line_must_exist_but_the_default_one_may_not()
    {
        var problem = Assert.Throws<AgentConfigurationException>(() =>
            AgentSettingsLoader.Load(["--config", Path.Combine(_folder, "absent.yaml")], Environment(("AGENT_SERVER_URL", "http://h"), ("AGENT_API_KEY", Key))));
        Assert.Contains("does not exist", problem.Message);
    }
}
