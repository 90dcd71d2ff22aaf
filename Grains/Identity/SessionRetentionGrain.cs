using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

/// <summary>Every hour, deletes the rows of sessions that have ended: expired, idle too long, or revoked.</summary>
[GrainType("planekeeper.identity.session-retention")]
public sealed partial class SessionRetentionGrain(NpgsqlDataSource database, SessionSettings settings, TimeProvider clock, ILogger<SessionRetentionGrain> logger)
    : Grain, ISessionRetentionGrain, IRemindable
{
    private const string Reminder = "purge";

    public Task StartAsync() => this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    public async Task<int> PurgeAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenConnectionAsync();
        var purged = await connection.ExecuteAsync(
            "DELETE FROM user_sessions WHERE expires_at <= @Now OR revoked_at IS NOT NULL OR last_seen_at <= @IdleCutoff",
            new { Now = now, IdleCutoff = SessionExpiry.IdlePurgeCutoff(now, settings.IdleTimeout) });
        LogPurged(purged);
        return purged;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => PurgeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Session retention: {Purged} ended session(s) purged")]
    private partial void LogPurged(int purged);
}
