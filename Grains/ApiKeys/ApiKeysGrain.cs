using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Permissions;

namespace Planekeeper.Grains.ApiKeys;

[StatelessWorker]
[GrainType("planekeeper.api-keys.directory")]
public sealed class ApiKeysGrain(NpgsqlDataSource database, AuditWriter audit, ServerAgentBootstrap bootstrap) : Grain, IApiKeysGrain
{
    public async Task<CreatedApiKey?> ProvisionServerAgentKeyAsync(string bootstrapSecret, string hostname)
    {
        if (!bootstrap.Accepts(bootstrapSecret))
        {
            return null;
        }

        var created = await CreateAsync("system:bootstrap", 0, ServerAgentBootstrap.KeyName(hostname), [], DateTime.UtcNow + ServerAgentBootstrap.KeyLifetime);
        return created.Value;
    }

    public async Task<CommandResult<CreatedApiKey>> CreateAsync(string actor, long organizationId, string name, IReadOnlyList<string> roles, DateTime? expiresAt)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
        {
            return CommandResult<CreatedApiKey>.Invalid("name", "name is required (at most 200 characters)");
        }

        if (expiresAt is { } expiry && expiry <= DateTime.UtcNow)
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

        var secret = SecretToken.New(ApiKeyFormat.SecretBytes);
        var id = await InsertAsync(organizationId, trimmed, secret, expiresAt, actor);
        await permissions.ReplaceRolesAsync(actor, Subjects.ApiKey(id), roles);
        await audit.WriteAsync(new AuditEntry(organizationId, actor, "api_key.created", Subjects.ApiKey(id), new { name = trimmed, roles, expires_at = expiresAt }));
        var record = await GrainFactory.GetGrain<IApiKeyGrain>(id).GetAsync(organizationId);
        return CommandResult<CreatedApiKey>.Ok(new CreatedApiKey(record!, ApiKeyFormat.Format(id, secret)));
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ApiKeyListRow>(
            $"""
            SELECT k.id, k.organization_id AS OrganizationId, k.name,
                   {AccessSql.Roles} AS Roles,
                   k.is_active AS IsActive, k.deactivated_at AS DeactivatedAt, k.expires_at AS ExpiresAt,
                   k.last_used_at AS LastUsedAt, k.created_at AS CreatedAt
              FROM api_keys k
              {AccessSql.JoinRoles("'apikey:' || k.id", "k.organization_id")}
             WHERE k.organization_id = @OrganizationId
             GROUP BY k.id
             ORDER BY k.id
            """,
            new { OrganizationId = organizationId });
        return rows.Select(row => new ApiKeyRecord(row.Id, row.OrganizationId, row.Name, row.Roles, row.IsActive, row.DeactivatedAt, row.ExpiresAt, row.LastUsedAt, row.CreatedAt)).ToList();
    }

    // A class with setters: Dapper matches constructors by exact type, and Npgsql reports text[] as Array.
    private sealed class ApiKeyListRow
    {
        public long Id { get; init; }

        public long OrganizationId { get; init; }

        public string Name { get; init; } = "";

        public string[] Roles { get; init; } = [];

        public bool IsActive { get; init; }

        public DateTime? DeactivatedAt { get; init; }

        public DateTime? ExpiresAt { get; init; }

        public DateTime? LastUsedAt { get; init; }

        public DateTime CreatedAt { get; init; }
    }

    private async Task<long> InsertAsync(long organizationId, string name, string secret, DateTime? expiresAt, string actor)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<long>(
            "INSERT INTO api_keys (organization_id, name, secret_hash, expires_at, created_by) VALUES (@OrganizationId, @Name, @Hash, @ExpiresAt, @CreatedBy) RETURNING id",
            new
            {
                OrganizationId = organizationId,
                Name = name,
                Hash = SecretToken.Hash(secret),
                ExpiresAt = expiresAt,
                CreatedBy = actor.StartsWith("user:", StringComparison.Ordinal) ? long.Parse(actor[5..]) : (long?)null,
            });
    }
}
