using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

/// <summary>Every hour, deletes the rows of sessions that have ended: expired, idle too long, or revoked.</summary>
[GrainType("planekeeper.identity.session-retention")]
public sealed partial class SessionRetentionGrain(SessionStore sessions, SessionSettings settings, TimeProvider clock, ILogger<SessionRetentionGrain> logger)
    : Grain, ISessionRetentionGrain, IRemindable
{
    private const string Reminder = "purge";

    public Task StartAsync() => this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    public async Task<int> PurgeAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var purged = await sessions.PurgeEndedAsync(now, SessionExpiry.IdlePurgeCutoff(now, settings.IdleTimeout));
        LogPurged(purged);
        return purged;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => PurgeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Session retention: {Purged} ended session(s) purged")]
    private partial void LogPurged(int purged);
}
