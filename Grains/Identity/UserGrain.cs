using Dapper;
using Npgsql;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

[GrainType("planekeeper.identity.user")]
public sealed class UserGrain(NpgsqlDataSource database, AuditWriter audit) : Grain, IUserGrain
{
    private sealed record UserRow(long Id, string Email, string? PasswordHash, bool IsApproved, bool IsSuperAdmin, int FailedSignIns, DateTime? LockedUntil, DateTime CreatedAt);

    private const string Select = """
        SELECT u.id, u.email, u.password_hash AS PasswordHash, u.is_approved AS IsApproved,
               EXISTS (SELECT 1 FROM casbin_rule r WHERE r.ptype = 'g2' AND r.v0 = 'user:' || u.id AND r.v1 = 'superadmin') AS IsSuperAdmin,
               u.failed_sign_ins AS FailedSignIns, u.locked_until AS LockedUntil, u.created_at AS CreatedAt
          FROM users u WHERE u.id = @Id
        """;

    private UserRow? _user;

    private string Subject => $"user:{this.GetPrimaryKeyLong()}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        _user = await connection.QuerySingleOrDefaultAsync<UserRow>(Select, new { Id = this.GetPrimaryKeyLong() });
    }

    public Task<UserRecord?> GetAsync() =>
        Task.FromResult(_user is null ? null : new UserRecord(_user.Id, _user.Email, _user.IsApproved, _user.IsSuperAdmin, _user.CreatedAt));

    public async Task<PasswordCheck> CheckPasswordAsync(string password)
    {
        if (_user is null)
        {
            PasswordHashing.Verify(null, password);
            return new PasswordCheck(PasswordCheckStatus.Wrong, null);
        }

        var now = DateTime.UtcNow;
        if (_user.LockedUntil > now)
        {
            await audit.WriteAsync(new AuditEntry(null, null, "auth.sign_in_refused_locked", Subject, new { locked_until = _user.LockedUntil }));
            return new PasswordCheck(PasswordCheckStatus.LockedOut, _user.LockedUntil);
        }

        if (PasswordHashing.Verify(_user.PasswordHash, password))
        {
            await RecordAsync(failures: 0, lockedUntil: null, signedIn: true);
            return new PasswordCheck(PasswordCheckStatus.Correct, null);
        }

        var failures = _user.FailedSignIns + 1;
        var lockedUntil = SignInLockout.LockedUntil(failures, now);
        await RecordAsync(failures, lockedUntil, signedIn: false);
        await audit.WriteAsync(new AuditEntry(null, null, "auth.sign_in_failed", Subject, new { consecutive_failures = failures }));
        if (lockedUntil is not null)
        {
            await audit.WriteAsync(new AuditEntry(null, null, "auth.account_locked", Subject, new { consecutive_failures = failures, locked_until = lockedUntil }));
            return new PasswordCheck(PasswordCheckStatus.LockedOut, lockedUntil);
        }

        return new PasswordCheck(PasswordCheckStatus.Wrong, null);
    }

    private async Task RecordAsync(int failures, DateTime? lockedUntil, bool signedIn)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE users SET failed_sign_ins = @Failures, locked_until = @LockedUntil,
                   last_sign_in_at = CASE WHEN @SignedIn THEN now() ELSE last_sign_in_at END, updated_at = now(), version = version + 1
             WHERE id = @Id
            """,
            new { Failures = failures, LockedUntil = lockedUntil, SignedIn = signedIn, _user!.Id });
        _user = _user with { FailedSignIns = failures, LockedUntil = lockedUntil };
    }
}
