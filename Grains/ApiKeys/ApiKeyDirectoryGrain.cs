using Orleans.Concurrency;
using Planekeeper.ApiKeys;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.ApiKeys;

[StatelessWorker]
[GrainType("planekeeper.api-keys.directory")]
public sealed class ApiKeyDirectoryGrain(ApiKeyStore keys, AuditWriter audit, TimeProvider clock) : Grain, IApiKeyDirectoryGrain
{
    public async Task<CommandResult<CreatedApiKey>> CreateAsync(string actor, long organizationId, string name, IReadOnlyList<string> roles, DateTime? expiresAt)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
        {
            return CommandResult<CreatedApiKey>.Invalid("name", "name is required (at most 200 characters)");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (organizationId == ServerAgentKeys.GlobalOrganizationId)
        {
            expiresAt ??= now + ServerAgentKeys.DefaultLifetime;
            if (expiresAt > now + ServerAgentKeys.MaxLifetime)
            {
                return CommandResult<CreatedApiKey>.Invalid("expires_at", $"a server agent key expires within {ServerAgentKeys.MaxLifetime.TotalDays:0} days");
            }
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            return CommandResult<CreatedApiKey>.Invalid("expires_at", "expires_at must be in the future");
        }

        roles = roles is { Count: > 0 } ? roles.Distinct().ToList() : [BuiltInRoles.Member];
        var permissions = GrainFactory.GetGrain<IPermissionGrain>(organizationId);
        foreach (var role in roles)
        {
            if (await permissions.GetRoleAsync(role) is null)
            {
                return CommandResult<CreatedApiKey>.Invalid("roles", $"no role '{role}' in this organization");
            }
        }

        var mayGrant = await permissions.MayGrantAsync(actor, roles);
        if (mayGrant.Status != CommandStatus.Ok)
        {
            return mayGrant.Without<CreatedApiKey>();
        }

        var secret = SecretToken.New(ApiKeyFormat.SecretBytes);
        var id = await keys.InsertAsync(organizationId, trimmed, SecretToken.Hash(secret), expiresAt, await CreatorOfAsync(actor, organizationId));
        var assigned = await permissions.ReplaceRolesAsync(actor, Subjects.ApiKey(id), roles);
        if (assigned.Status != CommandStatus.Ok)
        {
            // The actor's roles changed since the check above: the key never existed.
            await keys.DeleteAsync(id);
            return assigned.Without<CreatedApiKey>();
        }

        await audit.WriteAsync(new AuditEntry(organizationId, actor, "api_key.created", Subjects.ApiKey(id), new { name = trimmed, roles, expires_at = expiresAt }));
        var record = await GrainFactory.GetGrain<IApiKeyGrain>(id).GetAsync(organizationId);
        return CommandResult<CreatedApiKey>.Ok(new CreatedApiKey(record!, ApiKeyFormat.Format(id, secret)));
    }

    public async Task<int> DeactivateCreatedByAsync(string actor, long organizationId, long userId)
    {
        var ids = await keys.NotDeactivatedCreatedByAsync(organizationId, userId);
        var deactivated = 0;
        foreach (var id in ids)
        {
            // Through the key's grain, which holds the key in memory and answers authentication from it.
            var result = await GrainFactory.GetGrain<IApiKeyGrain>(id).DeactivateAsync(actor, organizationId);
            deactivated += result.Status == CommandStatus.Ok ? 1 : 0;
        }

        return deactivated;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(long organizationId) => await keys.ListAsync(organizationId);

    /// <summary>The user behind a key: the actor, or for a key created with a key, that key's own creator.</summary>
    private async Task<long?> CreatorOfAsync(string actor, long organizationId) =>
        Subjects.UserIdOf(actor) ?? (Subjects.ApiKeyIdOf(actor) is { } keyId ? (await GrainFactory.GetGrain<IApiKeyGrain>(keyId).GetAsync(organizationId))?.CreatedBy : null);
}
