using System.Text.RegularExpressions;
using Planekeeper.ApiKeys;
using Planekeeper.Configuration;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.ApiKeys;

/// <summary>
/// <c>AGENT_BOOTSTRAP_SECRET</c> (unset: off): the deployment's shared secret with which a server agent may
/// provision its own key of the global scope, so no operator has to paste one in. Each client address may try
/// <see cref="MaxAttempts"/> times per <see cref="Window"/> (docs/security.md, "Privilege inside an organization").
/// </summary>
public sealed partial record ServerAgentBootstrap(string? Secret, int MaxAttempts, TimeSpan Window)
{
    /// <summary>Shorter secrets can be guessed; a deployment configured with one does not start.</summary>
    public const int MinimumSecretLength = BootstrapSecretLength.Minimum;

    public const int DefaultMaxAttempts = 10;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(30);

    public static readonly ServerAgentBootstrap Off = new(null, DefaultMaxAttempts, DefaultWindow);

    /// <summary>The settings as configured; an empty secret turns bootstrapping off.</summary>
    /// <exception cref="StartupConfigurationException">The secret is set but shorter than <see cref="MinimumSecretLength"/>.</exception>
    public static ServerAgentBootstrap Configured(string? secret, int maxAttempts, TimeSpan window)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length < MinimumSecretLength)
        {
            throw new StartupConfigurationException(
                $"AGENT_BOOTSTRAP_SECRET must be at least {MinimumSecretLength} characters (got {secret.Length}); unset it to turn bootstrapping off");
        }

        return new ServerAgentBootstrap(string.IsNullOrEmpty(secret) ? null : secret, maxAttempts, window);
    }

    public bool IsOn => Secret is not null;

    public static bool IsLongEnough(string? secret) => secret is { Length: >= MinimumSecretLength };

    public bool Accepts(string? secret) =>
        Secret is { } expected && IsLongEnough(secret) && SecretToken.Matches(secret!, SecretToken.Hash(expected));

    /// <summary>The key's name for this host, reduced to plain characters.</summary>
    public static string KeyName(string hostname)
    {
        var plain = Unsafe().Replace(hostname ?? "", "-").Trim('-');
        return ServerAgentKeys.AutoProvisionedPrefix + (plain.Length == 0 ? "agent" : plain.Length > 100 ? plain[..100] : plain);
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex Unsafe();
}
