using Dapper;
using Npgsql;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// A role write waiting for the database does not stall the organization's permission checks: they answer from the
/// policy before the write, and the write's policy once it is done.
/// </summary>
public class PermissionReadInterleavingTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_permission_check_answers_while_a_role_write_waits_for_the_database()
    {
        await using var silo = await InProcessSilo.StartAsync(fixture.Database);
        await using var database = new NpgsqlConnection(fixture.Database.ConnectionString);
        await database.OpenAsync();
        var organization = await database.QuerySingleAsync<long>("INSERT INTO organizations (name) VALUES ('interleaving') RETURNING id");
        var permissions = silo.Grains.GetGrain<IPermissionGrain>(organization);
        var subject = Subjects.User(5);
        Assert.Empty(await permissions.RolesOfAsync(subject));

        IReadOnlyList<string> rolesDuringWrite;
        bool allowedDuringWrite;
        Task<Grains.Interfaces.Common.CommandResult<IReadOnlyList<string>>> write;
        await using (var blocking = await database.BeginTransactionAsync())
        {
            await database.ExecuteAsync("LOCK TABLE casbin_rule IN SHARE MODE", transaction: blocking);
            write = permissions.ReplaceRolesAsync(Subjects.SystemActor("test"), subject, [BuiltInRoles.Viewer]);
            await Eventually.ReturnsAsync(
                () => database.QuerySingleAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'casbin_rule'::regclass", transaction: blocking),
                waiting => waiting > 0, Patience, "the role write waiting for the lock on casbin_rule");

            rolesDuringWrite = await permissions.RolesOfAsync(subject).WaitAsync(Patience);
            allowedDuringWrite = await permissions.IsAllowedAsync(subject, false, "members:list").WaitAsync(Patience);
            Assert.False(write.IsCompleted);
            await blocking.RollbackAsync();
        }

        Assert.Empty(rolesDuringWrite);
        Assert.False(allowedDuringWrite);
        Assert.Equal([BuiltInRoles.Viewer], (await write).Value);
        Assert.Equal([BuiltInRoles.Viewer], await permissions.RolesOfAsync(subject));
    }
}
