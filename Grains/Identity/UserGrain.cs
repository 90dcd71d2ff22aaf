using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

[GrainType("planekeeper.identity.user")]
public sealed class UserGrain(UserStore users, GlobalAdminStore globalAdmins, AuditWriter audit, TimeProvider clock) : Grain, IUserGrain
{
    private UserStore.UserRow? _user;

    private string Subject => $"user:{this.GetPrimaryKeyLong()}";

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync();

    private async Task LoadAsync() => _user = await users.GetAsync(this.GetPrimaryKeyLong());

    public Task<UserRecord?> GetAsync() =>
        Task.FromResult(_user is null ? null : new UserRecord(_user.Id, _user.Email, _user.IsApproved, _user.IsSuperAdmin, _user.CreatedAt, _user.LockedAt));

    public async Task<UserRecord?> SetApprovedAsync(string actor, bool approved)
    {
        if (_user is null)
        {
            return null;
        }

        var version = await users.SetApprovedAsync(_user, approved);
        if (version is null)
        {
            await LoadAsync();
            return await SetApprovedAsync(actor, approved);
        }

        _user = _user with { IsApproved = approved, Version = version.Value };

        await audit.WriteAsync(new AuditEntry(null, actor, approved ? "user.approved" : "user.unapproved", Subject));
        return await GetAsync();
    }

    public async Task<CommandResult<UserRecord>> SetGlobalAdminAsync(string actor, bool globalAdmin)
    {
        if (_user is null)
        {
            return CommandResult<UserRecord>.NotFound($"no user {this.GetPrimaryKeyLong()}");
        }

        if (_user.IsSuperAdmin != globalAdmin)
        {
            if (globalAdmin)
            {
                await globalAdmins.GrantAsync(_user.Id);
            }
            else if (!await globalAdmins.RevokeUnlessLastAsync(_user.Id))
            {
                return CommandResult<UserRecord>.Conflict("this is the last global admin whose account is not locked; make another account a global admin first");
            }

            _user = _user with { IsSuperAdmin = globalAdmin };
            await audit.WriteAsync(new AuditEntry(null, actor, globalAdmin ? "user.global_admin_granted" : "user.global_admin_revoked", Subject));
        }

        return CommandResult<UserRecord>.Ok((await GetAsync())!);
    }

    public async Task<CommandResult<UserRecord>> SetLockedAsync(string actor, bool locked)
    {
        if (_user is null)
        {
            return CommandResult<UserRecord>.NotFound($"no user {this.GetPrimaryKeyLong()}");
        }

        if (locked && actor == Subject)
        {
            return CommandResult<UserRecord>.Conflict("you cannot lock your own account");
        }

        if ((_user.LockedAt is not null) != locked)
        {
            // Before the sessions end, so a sign-in or request reading the user meanwhile is refused by the lock itself.
            await users.SetLockedAsync(_user.Id, actor, locked);
            await LoadAsync();
            await audit.WriteAsync(new AuditEntry(null, actor, locked ? "user.locked" : "user.unlocked", Subject));
        }

        if (locked)
        {
            // Also on a repeated lock: a session opened by a sign-in that raced the first one ends too.
            await GrainFactory.GetGrain<ISessionDirectoryGrain>(0).RevokeAllAsync(_user.Id, keepKey: null, actor);
        }

        return CommandResult<UserRecord>.Ok((await GetAsync())!);
    }

    public async Task<CommandResult<int>> ChangePasswordAsync(string currentPassword, string newPassword, string? keepSessionKey)
    {
        if (_user is null)
        {
            return CommandResult<int>.NotFound("the account no longer exists");
        }

        if (_user.PasswordHash is null)
        {
            return CommandResult<int>.Conflict("this account signs in through the identity provider and has no password here");
        }

        if (PasswordHashing.Validate(newPassword) is { } problem)
        {
            return CommandResult<int>.Invalid("new_password", problem);
        }

        var check = await CheckPasswordAsync(currentPassword ?? "", knownClient: false);
        if (check.Status != PasswordCheckStatus.Correct)
        {
            return check.Status == PasswordCheckStatus.LockedOut
                ? CommandResult<int>.Conflict("too many wrong passwords: the account is locked for a while")
                : CommandResult<int>.Invalid("current_password", "the current password is wrong");
        }

        await StorePasswordHashAsync(PasswordHashing.Hash(newPassword));
        await audit.WriteAsync(new AuditEntry(null, Subject, "user.password_changed", Subject));
        var ended = await GrainFactory.GetGrain<ISessionDirectoryGrain>(0).RevokeAllAsync(_user.Id, keepSessionKey, Subject);
        return CommandResult<int>.Ok(ended);
    }

    private async Task StorePasswordHashAsync(string hash)
    {
        var version = await users.SetPasswordHashAsync(_user!.Id, hash);
        _user = _user with { PasswordHash = hash, Version = version };
    }

    /// <summary>
    /// Checks the password against the stored state. If another activation wrote the row meanwhile (a rare
    /// duplicate activation), the write loses, the state is reloaded and the check runs again on it.
    /// </summary>
    public async Task<PasswordCheck> CheckPasswordAsync(string password, bool knownClient)
    {
        while (true)
        {
            if (await TryCheckPasswordAsync(password, knownClient) is { } check)
            {
                return check;
            }

            await LoadAsync();
        }
    }

    /// <returns>The outcome, or null when the row changed under us.</returns>
    private async Task<PasswordCheck?> TryCheckPasswordAsync(string password, bool knownClient)
    {
        if (_user is null)
        {
            PasswordHashing.Verify(null, password);
            return new PasswordCheck(PasswordCheckStatus.Wrong, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (_user.LockedUntil > now && !knownClient)
        {
            await audit.WriteAsync(new AuditEntry(null, null, "auth.sign_in_refused_locked", Subject, new { locked_until = _user.LockedUntil }));
            return new PasswordCheck(PasswordCheckStatus.LockedOut, _user.LockedUntil);
        }

        if (PasswordHashing.Verify(_user.PasswordHash, password))
        {
            if (_user.LockedAt is not null)
            {
                await audit.WriteAsync(new AuditEntry(null, null, "auth.sign_in_refused_locked_by_operator", Subject));
                return new PasswordCheck(PasswordCheckStatus.LockedByOperator, null);
            }

            return await TryRecordAsync(failures: 0, lockedUntil: null, signedIn: true) ? new PasswordCheck(PasswordCheckStatus.Correct, null) : null;
        }

        var failures = SignInLockout.FailuresStillCounting(_user.FailedSignIns, _user.LockedUntil, now) + 1;
        var lockedUntil = SignInLockout.LockedUntil(failures, now);
        if (!await TryRecordAsync(failures, lockedUntil, signedIn: false))
        {
            return null;
        }

        await audit.WriteAsync(new AuditEntry(null, null, "auth.sign_in_failed", Subject, new { consecutive_failures = failures }));
        if (lockedUntil is not null)
        {
            await audit.WriteAsync(new AuditEntry(null, null, "auth.account_locked", Subject, new { consecutive_failures = failures, locked_until = lockedUntil }));
            return new PasswordCheck(PasswordCheckStatus.LockedOut, lockedUntil);
        }

        return new PasswordCheck(PasswordCheckStatus.Wrong, null);
    }

    private async Task<bool> TryRecordAsync(int failures, DateTime? lockedUntil, bool signedIn)
    {
        var user = _user!;
        var version = await users.RecordSignInAttemptAsync(user, failures, lockedUntil, signedIn);
        if (version is null)
        {
            return false;
        }

        _user = user with { FailedSignIns = failures, LockedUntil = lockedUntil, Version = version.Value };
        return true;
    }
}
