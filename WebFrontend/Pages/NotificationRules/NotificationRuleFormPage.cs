using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationRules;

/// <summary>
/// What the new and edit pages of a notification rule share: name, priority, the events and severities it matches
/// (none ticked: all), its channel (or the default channel) and whether it is on — saved through the grains that
/// validate it as <c>POST</c>/<c>PUT /api/v1/notification-rules</c> do, their messages shown next to the fields.
/// </summary>
public abstract class NotificationRuleFormPage(IClusterClient cluster) : PlanekeeperPage
{
    /// <summary>The priority a rule gets when none is given (the grain's default).</summary>
    public const int DefaultPriority = 100;

    /// <summary>The rule being edited; null on the new-rule page.</summary>
    public long? Id { get; protected set; }

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    /// <summary>As typed, so a value that is not a whole number is shown again with its message.</summary>
    [BindProperty(Name = "priority")]
    public string? Priority { get; set; } = DefaultPriority.ToString(CultureInfo.InvariantCulture);

    [BindProperty(Name = "event_types")]
    public List<string> EventTypes { get; set; } = [];

    [BindProperty(Name = "severities")]
    public List<string> Severities { get; set; } = [];

    /// <summary>The channel the rule sends to; null: the default channel.</summary>
    [BindProperty(Name = "channel_id")]
    public long? ChannelId { get; set; }

    /// <summary>The rule's version when the edit form was loaded; its save is refused (412) when the rule moved on since.</summary>
    [BindProperty(Name = "loaded_version")]
    public int? LoadedVersion { get; set; }

    [BindProperty(Name = "active")]
    public bool Active { get; set; } = true;

    /// <summary>The organization's channels to pick from, by name.</summary>
    public IReadOnlyList<NotificationChannelRecord> Channels { get; private set; } = [];

    /// <summary>The default channel, when one is set (and the viewer may read settings).</summary>
    public NotificationChannelRecord? DefaultChannel { get; private set; }

    protected IClusterClient Cluster => cluster;

    /// <summary>Shows a stored rule in the form.</summary>
    protected void Fill(NotificationRuleRecord rule)
    {
        Name = rule.Name;
        Priority = rule.Priority.ToString(CultureInfo.InvariantCulture);
        EventTypes = [.. rule.EventTypes];
        Severities = [.. rule.Severities];
        ChannelId = rule.ChannelId;
        Active = rule.Active;
    }

    protected async Task LoadChoicesAsync()
    {
        var channels = await RoutingData.ChannelsAsync(cluster, OrganizationId, Viewer!);
        Channels = channels.Values.OrderBy(channel => channel.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(channel => channel.Id).ToList();
        DefaultChannel = await RoutingData.DefaultChannelAsync(cluster, OrganizationId, Viewer!) is { } id ? channels.GetValueOrDefault(id) : null;
    }

    protected async Task<IActionResult> SaveAsync(Func<NotificationRuleRequest, Task<CommandResult<NotificationRuleRecord>>> save)
    {
        int? priority = null;
        if (!string.IsNullOrWhiteSpace(Priority))
        {
            if (int.TryParse(Priority.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                priority = number;
            }
            else
            {
                ModelState.AddModelError("priority", "priority must be a whole number (lower is tried first)");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var result = await save(new NotificationRuleRequest(Name, priority, EventTypes, Severities, ChannelId, Active));
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect("/notification-rules?notice=saved");
        }

        await LoadChoicesAsync();
        return PageWithErrors(result);
    }
}
