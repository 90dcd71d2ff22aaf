using Planekeeper.Configuration;
using Planekeeper.ApiKeys;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Planekeeper.Agent.Configuration;

/// <summary>
/// Builds <see cref="AgentSettings"/> from the environment over the optional config file (<c>--config PATH</c>,
/// default <c>/etc/planekeeper/config.yaml</c>). Every problem is one <see cref="AgentConfigurationException"/> line.
/// </summary>
public static class AgentSettingsLoader
{
    public const string DefaultConfigPath = "/etc/planekeeper/config.yaml";

    public static AgentSettings Load(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var (file, path) = ReadFile(args);
        string? Setting(string variable, string? fromFile) => NonEmpty(environment(variable)) ?? NonEmpty(fromFile);
        var bootstrapSecret = BootstrapSecret(NonEmpty(environment("AGENT_BOOTSTRAP_SECRET")));
        return new AgentSettings(
            ServerUrl(Setting("AGENT_SERVER_URL", file.ServerUrl)),
            ApiKey(Setting("AGENT_API_KEY", file.ApiKey), path, bootstrapSecret is not null),
            Setting("AGENT_NAME", file.AgentName) ?? Environment.MachineName,
            PollInterval(Setting("AGENT_POLL_INTERVAL", file.PollInterval)),
            Capabilities(file.Capabilities),
            (file.Credentials ?? []).Select((entry, index) => CredentialReader.Read(entry, index, environment)).ToList(),
            Setting("GITHUB_TOKEN", file.GithubToken),
            Url("GITHUB_API_URL", Setting("GITHUB_API_URL", file.GithubApiUrl)) ?? AgentSettings.DefaultGitHubApiUrl,
            Flag("AGENT_ALLOW_PRIVATE_URLS", environment("AGENT_ALLOW_PRIVATE_URLS")),
            bootstrapSecret,
            Concurrency(Setting("AGENT_CONCURRENCY", file.Concurrency)));
    }

    private static (AgentConfigFile File, string Path) ReadFile(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--config");
        var explicitPath = index >= 0 ? (index + 1 < args.Count ? args[index + 1] : throw new AgentConfigurationException("--config needs a file path")) : null;
        var path = explicitPath ?? DefaultConfigPath;
        if (!File.Exists(path))
        {
            return explicitPath is null ? (new AgentConfigFile(), path) : throw new AgentConfigurationException($"the config file {path} does not exist");
        }

        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            return (deserializer.Deserialize<AgentConfigFile?>(File.ReadAllText(path)) ?? new AgentConfigFile(), path);
        }
        catch (YamlException exception)
        {
            throw new AgentConfigurationException($"the config file {path} is not valid: {exception.Message} (line {exception.Start.Line})");
        }
    }

    private static Uri ServerUrl(string? value)
    {
        if (value is null)
        {
            throw new AgentConfigurationException("AGENT_SERVER_URL is not set (nor server_url in the config file): the address of the Planekeeper server, e.g. https://planekeeper.example.com");
        }

        return Url("AGENT_SERVER_URL", value)!;
    }

    private static Uri? Url(string setting, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || !Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url))
        {
            throw new AgentConfigurationException($"{setting} must start with http:// or https://, got '{value}'");
        }

        return url;
    }

    private static string? ApiKey(string? value, string configPath, bool canBootstrap) =>
        value is null ? (canBootstrap ? null : throw new AgentConfigurationException($"AGENT_API_KEY is not set (nor api_key in {configPath}): create a key in the organization's API keys page"))
        : ApiKeyFormat.TryParse(value, out _, out _) ? value
        : throw new AgentConfigurationException("AGENT_API_KEY is not a Planekeeper API key (they look like pk_<id>_<secret>)");

    /// <summary>The server refuses shorter secrets, so an agent with one stops at start rather than retrying for ever.</summary>
    private static string? BootstrapSecret(string? value) =>
        value is { Length: < BootstrapSecretLength.Minimum }
            ? throw new AgentConfigurationException($"AGENT_BOOTSTRAP_SECRET must be at least {BootstrapSecretLength.Minimum} characters (got {value.Length}): the same secret the silos are started with")
            : value;

    private static TimeSpan PollInterval(string? value) =>
        value is null ? AgentSettings.DefaultPollInterval
        : Duration.TryParse(value, out var interval) ? interval
        : throw new AgentConfigurationException($"AGENT_POLL_INTERVAL must be {Duration.ExpectedForm}, got '{value}'");

    private static int Concurrency(string? value) =>
        value is null ? AgentSettings.DefaultConcurrency
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var slots) && slots is >= 1 and <= AgentSettings.MaxConcurrency ? slots
        : throw new AgentConfigurationException($"AGENT_CONCURRENCY must be a whole number from 1 to {AgentSettings.MaxConcurrency}, got '{value}'");

    private static IReadOnlyList<string> Capabilities(List<string>? values)
    {
        if (values is null or { Count: 0 })
        {
            return AgentSettings.AllCapabilities;
        }

        var unknown = values.FirstOrDefault(value => !AgentSettings.AllCapabilities.Contains(value));
        return unknown is null
            ? values.Distinct().ToList()
            : throw new AgentConfigurationException($"capabilities: '{unknown}' is not one of {string.Join(", ", AgentSettings.AllCapabilities)}");
    }

    private static bool Flag(string setting, string? value) => NonEmpty(value)?.ToLowerInvariant() switch
    {
        null or "false" or "0" or "no" => false,
        "true" or "1" or "yes" => true,
        _ => throw new AgentConfigurationException($"{setting} must be true or false, got '{value}'"),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
