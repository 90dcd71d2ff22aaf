using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationRules;

/// <summary>
/// <c>/notification-rules</c>: the organization's rules in the order routing evaluates them (priority, then id) with
/// their filters, channel and matched/skipped counts; switch off/on; and the <em>Simulate</em> panel — an event and a
/// severity → the rules that match, in order, and the channels that would receive it. The grain calls of
/// <c>GET /api/v1/notification-rules</c>, <c>POST …/{id}/toggle</c> and <c>POST …/simulate</c>.
/// </summary>
public sealed class NotificationRuleListModel(IClusterClient cluster) : PlanekeeperPage
{
    public IReadOnlyList<NotificationRuleRecord> Rules { get; private set; } = [];

    public IReadOnlyDictionary<long, NotificationChannelRecord> Channels { get; private set; } = new Dictionary<long, NotificationChannelRecord>();

    /// <summary>Whether the channels could be read (<c>notification-channels:list</c>); otherwise they are named by id.</summary>
    public bool ChannelsKnown { get; private set; }

    /// <summary>The default channel, when one is set (and the viewer may read settings).</summary>
    public long? DefaultChannelId { get; private set; }

    /// <summary>Whether the default channel setting could be read (<c>settings:read</c>).</summary>
    public bool DefaultKnown { get; private set; }

    [BindProperty(Name = "event")]
    public string? Event { get; set; } = AlertEventNames.Created;

    [BindProperty(Name = "severity")]
    public string? Severity { get; set; } = SeverityNames.Critical;

    /// <summary>The answer to the simulation posted with this request.</summary>
    public RoutingSimulation? Simulation { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice switch
        {
            "saved" => "Saved.",
            "on" => "The rule is switched on.",
            "off" => "The rule is switched off: routing skips it.",
            "deleted" => "The rule was deleted.",
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id)
    {
        var result = await cluster.GetGrain<INotificationRuleGrain>(id).ToggleAsync(Actor, OrganizationId);
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect($"/notification-rules?notice={(result.Value!.Active ? "on" : "off")}");
        }

        await LoadAsync();
        return PageWithErrors(result);
    }

    public async Task<IActionResult> OnPostSimulateAsync()
    {
        var result = await cluster.GetGrain<INotificationRuleDirectoryGrain>(0).SimulateAsync(OrganizationId, Event, Severity);
        await LoadAsync();
        if (result.Status != CommandStatus.Ok)
        {
            return PageWithErrors(result, "simulate");
        }

        Simulation = result.Value;
        return Page();
    }

    /// <summary>A channel's name, or <c>channel 5</c> when it cannot be read.</summary>
    public string ChannelName(long id) => Channels.TryGetValue(id, out var channel) ? channel.Name : $"channel {id}";

    public NotificationRuleRecord? Rule(long id) => Rules.FirstOrDefault(rule => rule.Id == id);

    private async Task LoadAsync()
    {
        Rules = await RoutingData.RulesAsync(cluster, OrganizationId);
        ChannelsKnown = Viewer!.May("notification-channels:list");
        Channels = await RoutingData.ChannelsAsync(cluster, OrganizationId, Viewer);
        DefaultKnown = Viewer.May("settings:read");
        DefaultChannelId = await RoutingData.DefaultChannelAsync(cluster, OrganizationId, Viewer);
        if (ChannelsKnown && DefaultChannelId is { } id && !Channels.ContainsKey(id))
        {
            DefaultChannelId = null;
        }
    }
}
