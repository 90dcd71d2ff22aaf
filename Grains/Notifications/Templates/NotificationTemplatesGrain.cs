using Orleans.Concurrency;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.Grains.Settings;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>An organization's templates per channel type and category (stored as settings), and previews. Stateless.</summary>
[StatelessWorker]
[GrainType("planekeeper.notifications.templates")]
public sealed class NotificationTemplatesGrain(TemplateResolver resolver) : Grain, INotificationTemplatesGrain
{
    public async Task<IReadOnlyList<TemplateRecord>> ListAsync(long organizationId)
    {
        var records = new List<TemplateRecord>();
        foreach (var channelType in ChannelTypes.All)
        {
            foreach (var category in TemplateCategories.All)
            {
                var (template, source) = await resolver.ResolveAsync(organizationId, channelType, category, null);
                records.Add(new TemplateRecord(channelType, category, source, template ?? BuiltIn(channelType, category)));
            }
        }

        return records;
    }

    public async Task<CommandResult<TemplateRecord>> SetAsync(
        string actor, long organizationId, string category, string? channelType, string? template, ExpectedVersion? expected)
    {
        if (Problem(category, channelType) is { } invalid)
        {
            return invalid.Without<TemplateRecord>();
        }

        if (string.IsNullOrEmpty(template))
        {
            return CommandResult<TemplateRecord>.Invalid("template", "template is required");
        }

        var set = await GrainFactory.GetGrain<ISettingsGrain>(organizationId).SetAtVersionAsync(actor, TemplateResolver.SettingKey(channelType!, category), template, expected);
        return set.Status switch
        {
            CommandStatus.Ok => CommandResult<TemplateRecord>.Ok(new TemplateRecord(channelType!, category, "organization", template) { Version = set.Value!.Version }),
            CommandStatus.PreconditionFailed => set.Without<TemplateRecord>(),
            _ => CommandResult<TemplateRecord>.Invalid("template", set.Detail ?? "invalid template"),
        };
    }

    public async Task<CommandResult<bool>> RemoveAsync(string actor, long organizationId, string category, string? channelType, ExpectedVersion? expected)
    {
        if (Problem(category, channelType) is { } invalid)
        {
            return invalid;
        }

        var removed = await GrainFactory.GetGrain<ISettingsGrain>(organizationId).SetAtVersionAsync(actor, TemplateResolver.SettingKey(channelType!, category), null, expected);
        return removed.Status == CommandStatus.Ok ? CommandResult<bool>.Ok(true) : removed.Without<bool>();
    }

    public async Task<CommandResult<TemplatePreview>> PreviewAsync(long organizationId, string? channelType, string? eventName, string? template)
    {
        var name = eventName ?? AlertEvents.Created;
        if (Problem(TemplateCategoryOf(name), channelType) is { } invalid)
        {
            return invalid.Without<TemplatePreview>();
        }

        if (template is not null && TemplateValidation.Validate(channelType!, template) is { } error)
        {
            return CommandResult<TemplatePreview>.Invalid("template", error.ToString());
        }

        var notice = SampleNotice.For(name) with { OrganizationId = organizationId };
        var effective = template ?? (await resolver.ResolveAsync(organizationId, channelType!, TemplateCategories.For(name), null)).Template;
        var message = MessageComposer.Compose(channelType!, notice, effective);
        return CommandResult<TemplatePreview>.Ok(new TemplatePreview(message.Subject, message.Text, message.Html, message.JsonBody));
    }

    public Task<TemplateVocabulary> VocabularyAsync() => Task.FromResult(TemplateVocabularies.Current);

    private static string TemplateCategoryOf(string eventName) =>
        Routing.NotificationRoutingEvents.IsEvent(eventName) ? TemplateCategories.For(eventName) : "";

    private static CommandResult<bool>? Problem(string category, string? channelType)
    {
        if (!TemplateCategories.All.Contains(category))
        {
            return CommandResult<bool>.Invalid("category", $"category must be one of {string.Join(", ", TemplateCategories.All)} (or event one of the alert events)");
        }

        return channelType is null || !ChannelTypes.All.Contains(channelType)
            ? CommandResult<bool>.Invalid("channel_type", $"channel_type must be one of {string.Join(", ", ChannelTypes.All)}")
            : null;
    }

    private static string? BuiltIn(string channelType, string category) =>
        channelType == ChannelTypes.Webhook ? null : BuiltInTemplates.For(channelType, category);
}
