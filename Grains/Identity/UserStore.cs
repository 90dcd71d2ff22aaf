using Dapper;
using Npgsql;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

/// <summary>The rows of <c>users</c>; writes of an existing row carry its version and return null when it moved on.</summary>
public sealed class UserStore(NpgsqlDataSource database)
{
    public sealed record UserRow(long Id, string Email, string? PasswordHash, bool IsApproved, bool IsSuperAdmin, int FailedSignIns, DateTime? LockedUntil, DateTime CreatedAt, int Version, DateTime? LockedAt);

    private static readonly string Select = $"""
        SELECT u.id, u.email, u.password_hash AS PasswordHash, u.is_approved AS IsApproved,
               {AccessSql.IsSuperAdmin("u.id")} AS IsSuperAdmin,
               u.failed_sign_ins AS FailedSignIns, u.locked_until AS LockedUntil, u.created_at AS CreatedAt, u.version,
               u.locked_at AS LockedAt
          FROM users u WHERE u.id = @Id
        """;

    public async Task<UserRow?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UserRow>(Select, new { Id = id });
    }

    public async Task<List<UserRecord>> ListAsync(bool pendingOnly)
    {
        await using var connection = await database.OpenConnectionAsync();
        var users = await connection.QueryAsync<UserRecord>(
            $"""
            SELECT u.id, u.email, u.is_approved AS IsApproved,
                   {AccessSql.IsSuperAdmin("u.id")} AS IsSuperAdmin,
                   u.created_at AS CreatedAt, u.locked_at AS LockedAt
              FROM users u
             WHERE NOT @PendingOnly OR NOT u.is_approved
             ORDER BY u.id
            """,
            new { PendingOnly = pendingOnly });
        return users.ToList();
    }

    public async Task<long?> FindByEmailAsync(string email)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM users WHERE lower(email) = lower(@Email)", new { Email = email });
    }

    /// <summary>The user an identity provider's subject signs in as.</summary>
    public async Task<long?> FindByExternalSubjectAsync(string subject)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM users WHERE external_subject = @Subject", new { Subject = subject });
    }

    /// <returns>The new user's id, or null when the email or external subject is taken.</returns>
    public async Task<long?> InsertAsync(string email, string? passwordHash, string? externalSubject, bool approved)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>(
            """
            INSERT INTO users (email, password_hash, external_subject, is_approved)
            VALUES (@Email, @PasswordHash, @ExternalSubject, @Approved)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new { Email = email, PasswordHash = passwordHash, ExternalSubject = externalSubject, Approved = approved });
    }

    /// <returns>The new version, or null when the row moved on.</returns>
    public async Task<int?> SetApprovedAsync(UserRow current, bool approved)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<int?>(
            "UPDATE users SET is_approved = @Approved, updated_at = now(), version = version + 1 WHERE id = @Id AND version = @Version RETURNING version",
            new { Approved = approved, current.Id, current.Version });
    }

    /// <summary>Locks the account (keeping the first lock's time and actor) or unlocks it.</summary>
    /// <returns>The new version.</returns>
    public async Task<int> SetLockedAsync(long id, string actor, bool locked)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<int>(
            locked
                ? "UPDATE users SET locked_at = coalesce(locked_at, now()), locked_by = coalesce(locked_by, @Actor), updated_at = now(), version = version + 1 WHERE id = @Id RETURNING version"
                : "UPDATE users SET locked_at = NULL, locked_by = NULL, updated_at = now(), version = version + 1 WHERE id = @Id RETURNING version",
            new { Id = id, Actor = actor });
    }

    /// <returns>The new version.</returns>
    public async Task<int> SetPasswordHashAsync(long id, string hash)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<int>(
            "UPDATE users SET password_hash = @Hash, updated_at = now(), version = version + 1 WHERE id = @Id RETURNING version",
            new { Hash = hash, Id = id });
    }

    /// <summary>Stores the outcome of a password check: the failure count, the lockout, and a successful sign-in's time.</summary>
    /// <returns>The new version, or null when the row moved on.</returns>
    public async Task<int?> RecordSignInAttemptAsync(UserRow current, int failures, DateTime? lockedUntil, bool signedIn)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<int?>(
            """
            UPDATE users SET failed_sign_ins = @Failures, locked_until = @LockedUntil,
                   last_sign_in_at = CASE WHEN @SignedIn THEN now() ELSE last_sign_in_at END, updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING version
            """,
            new { Failures = failures, LockedUntil = lockedUntil, SignedIn = signedIn, current.Id, current.Version });
    }
}
