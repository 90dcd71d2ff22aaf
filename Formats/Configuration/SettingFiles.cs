using System.Collections;

namespace Planekeeper.Configuration;

/// <summary>
/// Secrets given as files, so that they come from mounted files (compose or Kubernetes secrets) rather than the
/// environment (docs/configuration.md, "Secrets from files"): for each setting <c>NAME</c> of <see cref="Secrets"/>, the
/// environment variable <c>NAME_FILE</c> names a file whose content, without its trailing line break, is the setting.
/// Only these: other programs' <c>*_FILE</c> variables (<c>SSL_CERT_FILE</c>, <c>TF_CLI_CONFIG_FILE</c>) are no
/// business of Planekeeper's and must not stop it.
/// </summary>
public static class SettingFiles
{
    public const string Suffix = "_FILE";

    /// <summary>The settings of the silo, the frontend and the agent that may be given as files.</summary>
    public static readonly IReadOnlyList<string> Secrets =
    [
        "PG_PASSWORD",
        "ConnectionStrings__Planekeeper",
        "PLANEKEEPER_ADMIN_PASSWORD",
        "PLANEKEEPER_JWT_SECRET",
        "DATA_PROTECTION_CERTIFICATE_PASSWORD",
        "AGENT_BOOTSTRAP_SECRET",
        "AGENT_API_KEY",
        "GITHUB_TOKEN",
    ];

    /// <summary>The settings read from files, by setting name (<c>NAME</c>, as the environment spells it).</summary>
    /// <exception cref="StartupConfigurationException">A setting is given both ways, or a file cannot be read.</exception>
    public static IReadOnlyDictionary<string, string> Read(IReadOnlyDictionary<string, string?> environment)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in Secrets)
        {
            var variable = setting + Suffix;
            if (environment.GetValueOrDefault(variable) is not { } path || string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(environment.GetValueOrDefault(setting)))
            {
                throw new StartupConfigurationException($"{setting} and {variable} are both set: give the setting one way only");
            }

            settings[setting] = Content(variable, path.Trim());
        }

        return settings;
    }

    /// <summary><see cref="Read"/> of this process's environment.</summary>
    public static IReadOnlyDictionary<string, string> FromEnvironment() =>
        Read(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal));

    /// <summary>An environment lookup that also sees the settings read from files, for a program that reads the environment directly (the agent).</summary>
    public static Func<string, string?> Over(IReadOnlyDictionary<string, string> files, Func<string, string?> environment) =>
        name => files.TryGetValue(name, out var value) ? value : environment(name);

    private static string Content(string variable, string path)
    {
        try
        {
            // Files written by editors and `echo` end in a line break that is no part of the secret.
            return File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new StartupConfigurationException($"{variable}: cannot read {path}: {e.Message}", e);
        }
    }
}
