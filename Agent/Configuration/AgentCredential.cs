namespace Planekeeper.Agent.Configuration;

/// <summary>
/// A credential from the agent's config.yaml, secrets resolved. Only <see cref="Name"/> and <see cref="Type"/> ever
/// leave the agent (in heartbeats); the secrets are used here and never logged.
/// </summary>
/// <param name="Type"><c>ssh_key</c> (<see cref="PrivateKey"/>), <c>https_pat</c> (<see cref="Username"/> optional, <see cref="Secret"/> = token) or <c>registry_basic</c> (<see cref="Username"/>, <see cref="Secret"/> = password).</param>
public sealed record AgentCredential(string Name, string Type, string? Username, string? Secret, string? PrivateKey)
{
    public const string SshKey = "ssh_key";
    public const string HttpsPat = "https_pat";
    public const string RegistryBasic = "registry_basic";

    /// <summary>Never prints a secret.</summary>
    public override string ToString() => $"{Name} ({Type})";
}
