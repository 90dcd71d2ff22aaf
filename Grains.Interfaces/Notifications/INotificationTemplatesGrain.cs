using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>An organization's template overrides per channel type and category, and previews. Stateless.</summary>
[Alias("planekeeper.notifications.templates")]
public interface INotificationTemplatesGrain : IGrainWithIntegerKey
{
    [Alias("list")]
    Task<IReadOnlyList<TemplateRecord>> ListAsync(long organizationId);

    /// <summary>
    /// Set and remove are refused (412) when the organization's settings, which hold the overrides, are at a version
    /// <paramref name="expected"/> does not allow (docs/api.md, "ETags and If-Match"); null: any.
    /// </summary>
    [Alias("set")]
    Task<CommandResult<TemplateRecord>> SetAsync(
        string actor, long organizationId, string category, string? channelType, string? template, ExpectedVersion? expected = null);

    [Alias("remove")]
    Task<CommandResult<bool>> RemoveAsync(string actor, long organizationId, string category, string? channelType, ExpectedVersion? expected = null);

    [Alias("preview")]
    Task<CommandResult<TemplatePreview>> PreviewAsync(long organizationId, string? channelType, string? eventName, string? template);

    /// <summary>What templates can say: the variables, the pipes' functions, the conditions, and each category's events.</summary>
    [Alias("vocabulary")]
    Task<TemplateVocabulary> VocabularyAsync();
}

/// <summary>The template in effect for a channel type and category, and where it comes from (organization, global, built-in).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.template")]
public sealed record TemplateRecord(
    [property: Id(0)] string ChannelType,
    [property: Id(1)] string Category,
    [property: Id(2)] string Source,
    [property: Id(3)] string? Template) : IVersioned
{
    /// <summary>After a change: the version of the organization's settings, which hold the overrides (the <c>ETag</c>); 0 in lists.</summary>
    [Id(4), System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; }
}

/// <summary>A template rendered with a sample alert.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.template-preview")]
public sealed record TemplatePreview(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Html,
    [property: Id(3)] string? JsonBody);
