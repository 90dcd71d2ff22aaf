using System.Net;
using Npgsql;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Agents;

/// <summary>
/// Heartbeats are group-committed: those that come while a write is in flight are written together in one statement
/// when it ends, and each is answered only once the write carrying it is durable (bench/README.md, "Agents").
/// </summary>
public class HeartbeatConcurrencyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Many_concurrent_heartbeats_of_different_agents_are_all_answered_durable_and_written_in_fewer_transactions()
    {
        using var agents = await FleetAsync("many-beats@example.com", "Many beats");
        var names = Enumerable.Range(1, 200).Select(i => $"many-{i}").ToList();

        var answers = await Task.WhenAll(names.Select(name => agents.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = name })));

        var rows = await RowsAsync("many-%");
        Assert.Equal(names.Order(), rows.Keys.Order());
        Assert.Equal(rows.Values.Select(row => row.Id).Order(), answers.Select(answer => answer.GetProperty("agent_id").GetInt64()).Order());
        Assert.True(rows.Values.Select(row => row.Transaction).Distinct().Count() < names.Count, "some heartbeats shared a write");
    }

    [Fact]
    public async Task Heartbeats_that_come_while_a_write_waits_on_a_row_lock_are_all_answered_once_it_ends()
    {
        using var agents = await FleetAsync("beats@example.com", "Beats");
        var waiting = Enumerable.Range(1, Environment.ProcessorCount + 1).Select(i => $"waiting-{i}").ToList();
        var free = Enumerable.Range(1, 20).Select(i => $"free-{i}").ToList();
        foreach (var name in waiting)
        {
            await agents.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = name });
        }

        var before = await RowsAsync("waiting-%");
        await using var connection = new NpgsqlConnection(system.Database.ConnectionString);
        await connection.OpenAsync();
        await using var locks = await connection.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT id FROM agents WHERE name LIKE 'waiting-%' FOR UPDATE", connection, locks))
        {
            await lockRows.ExecuteNonQueryAsync();
        }

        var held = waiting.Select(name => agents.SendAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = name })).ToList();
        await Eventually.ReturnsAsync(() => RowLockWaitersAsync(), count => count >= 1, TimeSpan.FromSeconds(20),
            "a heartbeat write blocked on a locked row");
        var others = free.Select(name => agents.SendAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = name })).ToList();

        await locks.RollbackAsync();
        foreach (var heartbeat in held.Concat(others))
        {
            using var response = await heartbeat;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = await RowsAsync("waiting-%");
        Assert.All(waiting, name => Assert.True(after[name].LastHeartbeatAt > before[name].LastHeartbeatAt, $"{name}'s heartbeat is written"));
        Assert.Equal(free.Order(), (await RowsAsync("free-%")).Keys.Order());
    }

    /// <summary>An organization of its own with one API key, and a client that calls the Agent API with it.</summary>
    private async Task<ApiClient> FleetAsync(string ownerEmail, string organizationName)
    {
        using var owner = system.Client();
        await owner.SignUpAsync(ownerEmail);
        await owner.CreateOrganizationAsync(organizationName);
        var (_, key) = await owner.CreateApiKeyAsync("fleet");
        return ApiClient.WithKey(system.Frontend.BaseAddress, key);
    }

    private sealed record AgentRow(long Id, DateTime LastHeartbeatAt, string Transaction);

    /// <summary>The agents named like the pattern, with the transaction that last wrote each row (xmin).</summary>
    private async Task<Dictionary<string, AgentRow>> RowsAsync(string namePattern)
    {
        await using var connection = new NpgsqlConnection(system.Database.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT name, id, last_heartbeat_at, xmin::text FROM agents WHERE name LIKE @pattern", connection);
        select.Parameters.AddWithValue("pattern", namePattern);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new Dictionary<string, AgentRow>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = new AgentRow(reader.GetInt64(1), reader.GetDateTime(2), reader.GetString(3));
        }

        return rows;
    }

    private async Task<long> RowLockWaitersAsync()
    {
        await using var connection = new NpgsqlConnection(system.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO agents%'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
