using Planekeeper.Agent.Http;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>The agent's handler chain with retry waits short enough for tests.</summary>
public static class TestHttp
{
    public static readonly HttpRetryOptions FastRetries = new(
        Attempts: 3, FirstDelay: TimeSpan.FromMilliseconds(10), LongestRetryAfter: TimeSpan.FromSeconds(1), AttemptTimeout: TimeSpan.FromSeconds(5));

    /// <summary>A client agent's chain: stand-ins on 127.0.0.1 are reachable.</summary>
    public static HttpMessageHandler Handler() => AgentHttp.CreateHandler(allowPrivateAddresses: true, FastRetries);
}
