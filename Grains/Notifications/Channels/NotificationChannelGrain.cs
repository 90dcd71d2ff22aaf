using Planekeeper.Grains.Access;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Delivery;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>The single owner of one channel's definition; sends test notices on request.</summary>
[GrainType("planekeeper.notifications.channel")]
public sealed class NotificationChannelGrain(
    ChannelStore store, ChannelRequestValidator validator, ChannelDefinitions definitions, DeliveryQueries deliveries, TemplateResolver templates,
    ChannelSenderSet senders, AuditWriter audit) : Grain, INotificationChannelGrain
{
    private const string ChangedMeanwhile = "the channel was changed at the same time; read it again and retry";

    private ChannelRow? _row;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _row = await store.GetAsync(this.GetPrimaryKeyLong());

    public Task<NotificationChannelRecord?> GetAsync(long organizationId) => Task.FromResult(_row.OwnedBy(organizationId)?.ToRecord());

    public async Task<CommandResult<NotificationChannelRecord>> UpdateAsync(string actor, long organizationId, NotificationChannelRequest request, ExpectedVersion? expected)
    {
        if (_row.OwnedBy(organizationId) is not { } row)
        {
            return NotFound<NotificationChannelRecord>();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<NotificationChannelRecord>("notification channel");
        }

        var validated = validator.Validate(request, row.OrganizationId, row);
        return validated.Status != CommandStatus.Ok
            ? validated.Without<NotificationChannelRecord>()
            : await SavedAsync(await store.UpdateAsync(validated.Value!), actor, "updated");
    }

    public async Task<CommandResult<NotificationChannelRecord>> ToggleAsync(string actor, long organizationId)
    {
        if (_row.OwnedBy(organizationId) is not { } row)
        {
            return NotFound<NotificationChannelRecord>();
        }

        var toggled = CopyOf(row);
        toggled.Active = !row.Active;
        return await SavedAsync(await store.UpdateAsync(toggled), actor, "toggled");
    }

    public async Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected)
    {
        if (_row.OwnedBy(organizationId) is not { } row)
        {
            return NotFound<bool>();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<bool>("notification channel");
        }

        if (await store.RuleNamesAsync(row.Id) is { Count: > 0 } rules)
        {
            return CommandResult<bool>.Conflict($"the channel is addressed by notification rule(s) {string.Join(", ", rules)}: change or delete them first");
        }

        if (!await store.DeleteAsync(row))
        {
            _row = await store.GetAsync(row.Id);
            return CommandResult<bool>.Conflict(ChangedMeanwhile);
        }

        await audit.WriteAsync(new AuditEntry(row.OrganizationId, actor, "notification_channel.deleted", Target));
        _row = null;
        DeactivateOnIdle();
        return CommandResult<bool>.Ok(true);
    }

    public async Task<CommandResult<ChannelTestResult>> TestAsync(long organizationId)
    {
        if (_row.OwnedBy(organizationId) is not { } row)
        {
            return NotFound<ChannelTestResult>();
        }

        var notice = SampleNotice.For(Alerts.AlertEvents.Created) with { OrganizationId = row.OrganizationId };
        var (template, _) = await templates.ResolveAsync(row.OrganizationId, row.Type, TemplateCategories.For(notice.Event), row.TemplateMap);
        var result = await senders.For(row.Type).SendAsync(definitions.Of(row), notice, MessageComposer.Compose(row.Type, notice, template), CancellationToken.None);
        return CommandResult<ChannelTestResult>.Ok(new ChannelTestResult(result.Succeeded, result.StatusCode, result.ResponseBody, result.Error));
    }

    public async Task<CommandResult<ChannelStats>> StatsAsync(long organizationId) =>
        _row.OwnedBy(organizationId) is { } row ? CommandResult<ChannelStats>.Ok(await deliveries.StatsAsync(row.Id)) : NotFound<ChannelStats>();

    private async Task<CommandResult<NotificationChannelRecord>> SavedAsync(ChannelRow? saved, string actor, string change)
    {
        if (saved is null)
        {
            _row = await store.GetAsync(this.GetPrimaryKeyLong());
            return CommandResult<NotificationChannelRecord>.Conflict(ChangedMeanwhile);
        }

        _row = saved;
        await audit.WriteAsync(new AuditEntry(saved.OrganizationId, actor, $"notification_channel.{change}", Target));
        return CommandResult<NotificationChannelRecord>.Ok(saved.ToRecord());
    }

    private static ChannelRow CopyOf(ChannelRow row) => new()
    {
        Id = row.Id, OrganizationId = row.OrganizationId, Name = row.Name, Type = row.Type, Config = row.Config, Secrets = row.Secrets,
        SecretNames = row.SecretNames, Templates = row.Templates, Active = row.Active, RequireAckAuth = row.RequireAckAuth, Version = row.Version,
    };

    private string Target => $"notification_channel:{this.GetPrimaryKeyLong()}";

    private CommandResult<T> NotFound<T>() => CommandResult<T>.NotFound($"no notification channel {this.GetPrimaryKeyLong()}");
}
