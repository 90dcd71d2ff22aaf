using Planekeeper.Grains.Access;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.ApiKeys;

[GrainType("planekeeper.api-keys.key")]
public sealed class ApiKeyGrain(ApiKeyStore keys, AccessChangeStore accessChanges, AuditWriter audit, TimeProvider clock) : Grain, IApiKeyGrain
{
    /// <summary>last_used_at is written at most this often per key, so busy agents do not write on every call.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly AccessCacheWatchers _watchers = new();

    private ApiKeyRow? _key;

    private string Subject => Subjects.ApiKey(this.GetPrimaryKeyLong());

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _key = await keys.GetAsync(this.GetPrimaryKeyLong(), cancellationToken);

    public async Task<ApiKeyAuthentication> AuthenticateAsync(string secret)
    {
        var rejection = Check(secret);
        if (rejection == ApiKeyRejection.None)
        {
            await TouchAsync();
        }

        return new ApiKeyAuthentication(
            this.GetPrimaryKeyLong(), rejection is ApiKeyRejection.None or not ApiKeyRejection.Unknown ? _key!.OrganizationId : 0, rejection, _key?.ExpiresAt);
    }

    public Task<ApiKeyAuthentication> AuthenticateAsync(string secret, IAccessCacheObserver watcher)
    {
        _watchers.Add(watcher);
        return AuthenticateAsync(secret);
    }

    public async Task<ApiKeyRecord?> GetAsync(long organizationId) => _key.OwnedBy(organizationId) is { } key ? await ToRecordAsync(key) : null;

    public async Task<CommandResult<ApiKeyRecord>> EditAsync(
        string actor, long organizationId, string? name, IReadOnlyList<string>? roles, ExpectedVersion? expected)
    {
        if (_key.OwnedBy(organizationId) is not { } current)
        {
            return await NotFound();
        }

        if (!ExpectedVersion.Holds(expected, current.Version))
        {
            return StaleVersion.Refused<ApiKeyRecord>("API key");
        }

        var trimmed = name?.Trim();
        if (trimmed is { Length: 0 or > 200 } || (trimmed is null && roles is null))
        {
            return CommandResult<ApiKeyRecord>.Invalid("name", "name is required (at most 200 characters) unless roles are given");
        }

        if (roles is not null && await ChangeRolesAsync(actor, roles) is { } refused)
        {
            return refused;
        }

        // A roles-only edit writes the same name: the version (the ETag) moves with the roles too.
        var newName = trimmed ?? current.Name;
        return await UpdateAsync(actor, trimmed is null ? null : "api_key.renamed", key => keys.RenameAsync(key, newName), key => key with { Name = newName });
    }

    /// <returns>Null once the key holds exactly <paramref name="roles"/>; otherwise why not (422, or 403 from the permission grain).</returns>
    private async Task<CommandResult<ApiKeyRecord>?> ChangeRolesAsync(string actor, IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return CommandResult<ApiKeyRecord>.Invalid("roles", "a key needs at least one role");
        }

        var changed = await GrainFactory.GetGrain<IPermissionGrain>(_key!.OrganizationId).ReplaceRolesAsync(actor, Subject, roles.Distinct().ToList());
        if (changed.Status != CommandStatus.Ok)
        {
            return changed.Status == CommandStatus.Invalid
                ? CommandResult<ApiKeyRecord>.Invalid("roles", changed.Detail ?? "unknown role")
                : changed.Without<ApiKeyRecord>();
        }

        await audit.WriteAsync(new AuditEntry(_key.OrganizationId, actor, "api_key.roles_changed", Subject, new { roles = changed.Value }));
        await TellWatchersAsync();
        return null;
    }

    public Task<CommandResult<ApiKeyRecord>> ToggleAsync(string actor, long organizationId)
    {
        if (_key.OwnedBy(organizationId) is not { } current)
        {
            return NotFound();
        }

        if (current.DeactivatedAt is not null)
        {
            return Task.FromResult(CommandResult<ApiKeyRecord>.Conflict("the key is deactivated for good"));
        }

        var active = !current.IsActive;
        return UpdateAsync(actor, active ? "api_key.enabled" : "api_key.disabled", key => keys.SetActiveAsync(key, active), key => key with { IsActive = active });
    }

    public Task<CommandResult<ApiKeyRecord>> DeactivateAsync(string actor, long organizationId) =>
        _key.OwnedBy(organizationId) is not { } current ? NotFound()
        : current.DeactivatedAt is not null
            ? Task.FromResult(CommandResult<ApiKeyRecord>.Conflict("the key is already deactivated"))
            : UpdateAsync(actor, "api_key.deactivated", keys.DeactivateAsync, key => key with { IsActive = false, DeactivatedAt = clock.GetUtcNow().UtcDateTime });

    /// <summary>The one answer for "no such key" and "another organization's key".</summary>
    private Task<CommandResult<ApiKeyRecord>> NotFound() =>
        Task.FromResult(CommandResult<ApiKeyRecord>.NotFound($"no API key {this.GetPrimaryKeyLong()}"));

    private ApiKeyRejection Check(string secret) => _key switch
    {
        null => ApiKeyRejection.Unknown,
        _ when !SecretToken.Matches(secret ?? "", _key.SecretHash) => ApiKeyRejection.WrongSecret,
        { DeactivatedAt: not null } => ApiKeyRejection.Deactivated,
        { IsActive: false } => ApiKeyRejection.Inactive,
        { ExpiresAt: { } expires } when expires <= clock.GetUtcNow().UtcDateTime => ApiKeyRejection.Expired,
        _ => ApiKeyRejection.None,
    };

    private async Task TouchAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_key!.LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return;
        }

        _key = _key with { LastUsedAt = now };
        await keys.SetLastUsedAsync(_key.Id, now);
    }

    /// <param name="auditAction">What the audit log records; null when the change is recorded already (the roles).</param>
    private async Task<CommandResult<ApiKeyRecord>> UpdateAsync(string actor, string? auditAction, Func<ApiKeyRow, Task<int?>> write, Func<ApiKeyRow, ApiKeyRow> apply)
    {
        if (_key is null)
        {
            return await NotFound();
        }

        // Recorded before the write: a frontend that reads it asks this grain again, and that call waits for this one
        // (docs/security.md, "Verified API keys").
        await accessChanges.RecordAsync(AccessChangeKind.ApiKey, _key.Id);
        var version = await write(_key);
        if (version is null)
        {
            await OnActivateAsync(CancellationToken.None);
            await TellWatchersAsync();
            return CommandResult<ApiKeyRecord>.Conflict("the key was changed at the same time; read it again and retry");
        }

        _key = apply(_key) with { Version = version.Value };
        await TellWatchersAsync();
        if (auditAction is not null)
        {
            await audit.WriteAsync(new AuditEntry(_key.OrganizationId, actor, auditAction, Subject, new { name = _key.Name }));
        }

        return CommandResult<ApiKeyRecord>.Ok(await ToRecordAsync(_key));
    }

    /// <summary>Frontends that cached the key forget it before the change is answered (docs/security.md, "Verified API keys").</summary>
    private Task TellWatchersAsync() => _watchers.TellAsync(watcher => watcher.ApiKeyChangedAsync(this.GetPrimaryKeyLong()));

    private async Task<ApiKeyRecord> ToRecordAsync(ApiKeyRow key) => new(
        key.Id, key.OrganizationId, key.Name,
        await GrainFactory.GetGrain<IPermissionGrain>(key.OrganizationId).RolesOfAsync(Subject),
        key.IsActive, key.DeactivatedAt, key.ExpiresAt, key.LastUsedAt, key.CreatedAt, key.CreatedBy) { Version = key.Version };
}
