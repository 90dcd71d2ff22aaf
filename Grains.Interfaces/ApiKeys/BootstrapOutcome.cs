namespace Planekeeper.Grains.Interfaces.ApiKeys;

public enum BootstrapStatus
{
    Created,

    /// <summary>Bootstrapping is off on this deployment, or the secret is wrong (one answer for both).</summary>
    Refused,

    /// <summary>The secret is shorter than the minimum; <see cref="BootstrapOutcome.Detail"/> says so.</summary>
    Invalid,

    /// <summary>Too many attempts from this client address; try again after <see cref="BootstrapOutcome.RetryAfterSeconds"/>.</summary>
    Throttled,
}

/// <summary>The answer to a server agent's bootstrap: its new key, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.api-keys.bootstrap-outcome")]
public sealed record BootstrapOutcome(
    [property: Id(0)] BootstrapStatus Status,
    [property: Id(1)] CreatedApiKey? Key,
    [property: Id(2)] string Detail,
    [property: Id(3)] int RetryAfterSeconds = 0);
