using Dapper;
using Npgsql;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// The access change feed's rows (docs/security.md, "Verified API keys"): read in order from a frontend's last one,
/// and a frontend that cannot be given every change since its last one is told to start over.
/// </summary>
public class AccessChangeStoreTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_reader_gets_every_change_after_its_last_in_order_and_starts_over_when_it_cannot()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        var store = new AccessChangeStore(dataSource);

        var first = await store.SinceAsync(-1);
        Assert.True(first.StartOver);
        Assert.Empty(first.Changes);

        await store.RecordAsync(AccessChangeKind.ApiKey, 7);
        await store.RecordAsync(AccessChangeKind.Suspension, 7);
        await Task.WhenAll(Enumerable.Range(100, 20).Select(id => store.RecordAsync(AccessChangeKind.ApiKey, id)));
        var next = await store.SinceAsync(first.Last);

        Assert.False(next.StartOver);
        Assert.Equal(Enumerable.Range(1, 22).Select(i => first.Last + i), next.Changes.Select(change => change.Seq));
        Assert.Equal([(AccessChangeKind.ApiKey, 7L), (AccessChangeKind.Suspension, 7L)], next.Changes.Take(2).Select(change => (change.Kind, change.SubjectId)));
        Assert.Equal(Enumerable.Range(100, 20).Select(id => (long)id).Order(), next.Changes.Skip(2).Select(change => change.SubjectId).Order());
        Assert.Equal(first.Last + 22, next.Last);

        var nothingNew = await store.SinceAsync(next.Last);
        Assert.Equal((next.Last, false), (nothingNew.Last, nothingNew.StartOver));
        Assert.Empty(nothingNew.Changes);

        // Changes older than an hour are dropped by the next recording: a reader whose last one is older starts over.
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE access_changes SET changed_at = now() - interval '2 hours' WHERE seq <= @Seq", new { Seq = first.Last + 5 });
        }

        await store.RecordAsync(AccessChangeKind.ApiKey, 8);
        var behind = await store.SinceAsync(first.Last + 2);
        Assert.True(behind.StartOver);
        Assert.Equal(next.Last + 1, behind.Last);

        // A reader ahead of the database (restored from a backup) starts over too.
        var ahead = await store.SinceAsync(next.Last + 50);
        Assert.True(ahead.StartOver);
        Assert.Equal(next.Last + 1, ahead.Last);
    }
}
