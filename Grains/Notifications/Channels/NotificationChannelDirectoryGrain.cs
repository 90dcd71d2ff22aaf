using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Notifications.Channels;

[StatelessWorker]
[GrainType("planekeeper.notifications.channels")]
public sealed class NotificationChannelDirectoryGrain(ChannelStore store, ChannelRequestValidator validator, AuditWriter audit) : Grain, INotificationChannelDirectoryGrain
{
    public async Task<CommandResult<NotificationChannelRecord>> CreateAsync(string actor, long organizationId, NotificationChannelRequest request)
    {
        var validated = validator.Validate(request, organizationId, null);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<NotificationChannelRecord>();
        }

        var row = await store.InsertAsync(validated.Value!);
        await audit.WriteAsync(new AuditEntry(organizationId, actor, "notification_channel.created", $"notification_channel:{row.Id}"));
        return CommandResult<NotificationChannelRecord>.Ok(row.ToRecord());
    }

    public Task<Page<NotificationChannelRecord>> ListAsync(long organizationId, int limit, long? after) =>
        KeysetPaging.ReadAsync(limit, count => store.ListAsync(organizationId, count, after), row => row.Id, row => row.ToRecord());

    public Task<CommandResult<bool>> ValidateAsync(NotificationChannelRequest request)
    {
        var validated = validator.Validate(request, 0, null);
        return Task.FromResult(validated.Status == CommandStatus.Ok ? CommandResult<bool>.Ok(true) : validated.Without<bool>());
    }
}
