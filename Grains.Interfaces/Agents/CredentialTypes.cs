namespace Planekeeper.Grains.Interfaces.Agents;

/// <summary>The kinds of credential an agent can hold and announce in its heartbeat (docs/agent.md).</summary>
public static class CredentialTypes
{
    public static IReadOnlyList<string> All { get; } = ["ssh_key", "https_pat", "registry_basic"];
}
