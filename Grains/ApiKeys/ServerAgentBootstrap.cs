using System.Text.RegularExpressions;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.ApiKeys;

/// <summary>
/// <c>AGENT_BOOTSTRAP_SECRET</c> (unset: off): the deployment's shared secret with which a server agent may
/// provision its own key of the global scope, so no operator has to paste one in.
/// </summary>
public sealed partial record ServerAgentBootstrap(string? Secret)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(30);

    public bool Accepts(string? secret) =>
        Secret is { Length: > 0 } expected && secret is not null && SecretToken.Matches(secret, SecretToken.Hash(expected));

    /// <summary>The key's name for this host, reduced to plain characters.</summary>
    public static string KeyName(string hostname)
    {
        var plain = Unsafe().Replace(hostname ?? "", "-").Trim('-');
        return ServerAgentKeys.AutoProvisionedPrefix + (plain.Length == 0 ? "agent" : plain.Length > 100 ? plain[..100] : plain);
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex Unsafe();
}
