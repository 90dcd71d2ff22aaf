namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>
/// Server agents' bootstrap from one client address (the grain's key): counts the address's attempts and, for the
/// deployment's secret, provisions a key of the global scope (<c>serveragent-auto-&lt;hostname&gt;</c>, 30 days).
/// </summary>
[Alias("planekeeper.api-keys.bootstrap")]
public interface IServerAgentBootstrapGrain : IGrainWithStringKey
{
    [Alias("bootstrap")]
    Task<BootstrapOutcome> BootstrapAsync(string secret, string hostname);
}
