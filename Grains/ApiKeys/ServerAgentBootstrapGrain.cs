using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Interfaces.ApiKeys;

namespace Planekeeper.Grains.ApiKeys;

/// <summary>
/// One client address's bootstrap attempts. Every attempt counts, right or wrong, so guessing the secret from one
/// address is limited to the window's attempts; the count is soft state and starts over if the grain moves.
/// </summary>
[GrainType("planekeeper.api-keys.bootstrap")]
public sealed class ServerAgentBootstrapGrain(ServerAgentBootstrap bootstrap, TimeProvider clock) : Grain, IServerAgentBootstrapGrain
{
    private readonly AttemptWindow _attempts = new(bootstrap.MaxAttempts, bootstrap.Window);

    public async Task<BootstrapOutcome> BootstrapAsync(string secret, string hostname)
    {
        var now = clock.GetUtcNow();
        if (!_attempts.TryAttempt(now, out var retryAfter))
        {
            return new BootstrapOutcome(BootstrapStatus.Throttled, null,
                "too many bootstrap attempts from this address; try again later", (int)Math.Ceiling(retryAfter.TotalSeconds));
        }

        if (!ServerAgentBootstrap.IsLongEnough(secret))
        {
            return new BootstrapOutcome(BootstrapStatus.Invalid, null, $"secret must be at least {ServerAgentBootstrap.MinimumSecretLength} characters");
        }

        if (!bootstrap.Accepts(secret))
        {
            return new BootstrapOutcome(BootstrapStatus.Refused, null, "bootstrapping is off on this deployment, or the secret is wrong");
        }

        var created = await GrainFactory.GetGrain<IApiKeyDirectoryGrain>(0).CreateAsync(
            Subjects.SystemActor("bootstrap"), ServerAgentKeys.GlobalOrganizationId, ServerAgentBootstrap.KeyName(hostname), [], now.UtcDateTime + ServerAgentBootstrap.KeyLifetime);
        return new BootstrapOutcome(BootstrapStatus.Created, created.Value, "");
    }
}
