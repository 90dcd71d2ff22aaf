using System.Text.RegularExpressions;

namespace Planekeeper.Agent.Configuration;

/// <summary>Turns one <c>credentials</c> entry of config.yaml into an <see cref="AgentCredential"/>, reading its secret from where it says.</summary>
public static partial class CredentialReader
{
    public static AgentCredential Read(AgentConfigFile.CredentialEntry entry, int index, Func<string, string?> environment)
    {
        var where = $"credentials[{index}]";
        var name = entry.Name?.Trim();
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new AgentConfigurationException($"{where}.name must be 1-100 characters of letters, digits, '.', '_' or '-'");
        }

        where = $"credential '{name}'";
        return entry.Type switch
        {
            AgentCredential.SshKey => new AgentCredential(name, entry.Type, entry.Username, null,
                Secret(where, "private_key", entry.PrivateKey, null, entry.PrivateKeyFile, environment)),
            AgentCredential.HttpsPat => new AgentCredential(name, entry.Type, entry.Username,
                Secret(where, "token", entry.Token, entry.TokenEnv, entry.TokenFile, environment), null),
            AgentCredential.RegistryBasic => new AgentCredential(name, entry.Type,
                entry.Username ?? throw new AgentConfigurationException($"{where} (registry_basic) needs a username"),
                Secret(where, "password", entry.Password, entry.PasswordEnv, entry.PasswordFile, environment), null),
            _ => throw new AgentConfigurationException($"{where}: type must be ssh_key, https_pat or registry_basic, got '{entry.Type}'"),
        };
    }

    /// <summary>The secret, written inline, in an environment variable (<c>*_env</c>) or a file (<c>*_file</c>).</summary>
    private static string Secret(string where, string field, string? inline, string? variable, string? file, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(inline))
        {
            return inline;
        }

        if (variable is not null)
        {
            return environment(variable) is { Length: > 0 } value ? value : throw new AgentConfigurationException($"{where}: the environment variable {variable} ({field}_env) is not set");
        }

        if (file is not null)
        {
            return File.Exists(file) ? File.ReadAllText(file).TrimEnd('\n', '\r') : throw new AgentConfigurationException($"{where}: {field}_file {file} does not exist");
        }

        throw new AgentConfigurationException($"{where} needs {field}, {field}_env or {field}_file");
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex NamePattern();
}
