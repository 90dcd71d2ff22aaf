using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

/// <summary>
/// Creates the first global admin when the database has no user yet (docs/configuration.md, "Accounts (silo)"). Safe
/// when several silos start together: the unique email index lets exactly one insert win.
/// </summary>
public sealed class FirstAdminBootstrap(NpgsqlDataSource database)
{
    public const string DefaultEmail = "admin@planekeeper.local";

    /// <returns>The created admin, with the generated password when none was configured; null when users exist.</returns>
    public async Task<(string Email, string? GeneratedPassword)?> EnsureAsync(string? email, string? password, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM users)"))
        {
            return null;
        }

        var adminEmail = EmailAddress.Normalize(email) ?? DefaultEmail;
        var generated = string.IsNullOrEmpty(password) ? SecretToken.New(18) : null;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(
            "INSERT INTO users (email, password_hash, is_approved) VALUES (@Email, @Hash, true) ON CONFLICT DO NOTHING RETURNING id",
            new { Email = adminEmail, Hash = PasswordHashing.Hash(password ?? generated!) },
            transaction);
        if (id is null)
        {
            return null;
        }

        await connection.ExecuteAsync(
            "INSERT INTO casbin_rule (ptype, v0, v1) VALUES ('g2', @Subject, 'superadmin')",
            new { Subject = $"user:{id}" },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return (adminEmail, generated);
    }
}
