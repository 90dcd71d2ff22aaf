using Dapper;
using Npgsql;
using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Grains.Identity;

/// <summary>
/// The <c>g2(user, "superadmin")</c> rows of <c>casbin_rule</c>: who is a global admin (docs/permissions.md). Taking the
/// role away locks every such row first, so two admins removing each other at once cannot leave nobody.
/// </summary>
public sealed class GlobalAdminStore(NpgsqlDataSource database)
{
    public async Task GrantAsync(long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO casbin_rule (ptype, v0, v1)
            SELECT 'g2', @Subject, @Role
             WHERE NOT EXISTS (SELECT 1 FROM casbin_rule WHERE ptype = 'g2' AND v0 = @Subject AND v1 = @Role)
            """,
            new { Subject = Subjects.User(userId), Role = CasbinRow.SuperAdminRole });
    }

    /// <returns>False, with nothing changed, when no other global admin whose account is not locked would remain.</returns>
    public async Task<bool> RevokeUnlessLastAsync(long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var admins = (await connection.QueryAsync<string>(
            "SELECT v0 FROM casbin_rule WHERE ptype = 'g2' AND v1 = @Role ORDER BY id FOR UPDATE",
            new { Role = CasbinRow.SuperAdminRole },
            transaction)).ToList();
        var others = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM users WHERE locked_at IS NULL AND 'user:' || id = ANY(@Admins) AND id <> @Id",
            new { Admins = admins.ToArray(), Id = userId },
            transaction);
        if (others == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(
            "DELETE FROM casbin_rule WHERE ptype = 'g2' AND v0 = @Subject AND v1 = @Role",
            new { Subject = Subjects.User(userId), Role = CasbinRow.SuperAdminRole },
            transaction);
        await transaction.CommitAsync();
        return true;
    }
}
