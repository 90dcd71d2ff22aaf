using System.Net;
using Npgsql;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Agents;

/// <summary>
/// Heartbeats are served side by side: one whose write waits (here on a row lock) does not hold up the others, even
/// when more wait than the silo has cores (a stateless worker's activations per silo; bench/README.md, "Agents").
/// </summary>
public class HeartbeatConcurrencyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_heartbeat_is_answered_while_more_heartbeats_than_cores_wait_on_their_rows()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("beats@example.com");
        await owner.CreateOrganizationAsync("Beats");
        var (_, key) = await owner.CreateApiKeyAsync("fleet");
        using var agents = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var waiting = Environment.ProcessorCount + 1;
        var names = Enumerable.Range(1, waiting).Select(i => $"waiting-{i}").ToList();
        foreach (var name in names.Append("free"))
        {
            await agents.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = name });
        }

        await using var connection = new NpgsqlConnection(system.Database.ConnectionString);
        await connection.OpenAsync();
        await using var locks = await connection.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT id FROM agents WHERE name LIKE 'waiting-%' FOR UPDATE", connection, locks))
        {
            await lockRows.ExecuteNonQueryAsync();
        }

        var held = names.Select(name => agents.SendAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = name })).ToList();
        await Eventually.ReturnsAsync(() => RowLockWaitersAsync(), count => count >= Environment.ProcessorCount, TimeSpan.FromSeconds(20),
            "the waiting agents' heartbeats blocked on their rows");

        var free = await agents.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "free" });
        Assert.True(free.GetProperty("agent_id").GetInt64() > 0);
        Assert.DoesNotContain(held, heartbeat => heartbeat.IsCompleted);

        await locks.RollbackAsync();
        foreach (var heartbeat in held)
        {
            using var response = await heartbeat;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
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
