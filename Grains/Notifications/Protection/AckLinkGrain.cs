using System.Text.Json;
using Orleans.Concurrency;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Channels;

namespace Planekeeper.Grains.Notifications.Protection;

/// <summary>
/// Acknowledge links (docs/notifications.md, "Acknowledge links"): reads a token (signed, one alert, valid 24 h) and
/// acknowledges its alert through the alert's config grain. Whether the caller had to sign in, and may acknowledge in
/// that organization, the frontend checks before it calls; an anonymous acknowledgment is recorded as via the link and
/// its channel.
/// </summary>
[StatelessWorker]
[GrainType("planekeeper.notifications.ack-links")]
public sealed class AckLinkGrain(AckTokens tokens, AlertStore alerts, ChannelStore channels) : Grain, IAckLinkGrain
{
    public async Task<AckLinkView> InspectAsync(string token)
    {
        if (tokens.Read(token, out var expired) is not { } claim)
        {
            return new AckLinkView(expired ? "expired" : "invalid", 0, 0, 0, true, null, false);
        }

        var requireAuth = (await channels.GetAsync(claim.ChannelId))?.RequireAckAuth ?? true;
        if (await alerts.GetAsync(claim.OrganizationId, claim.AlertId) is not { } alert)
        {
            return new AckLinkView("not_found", claim.OrganizationId, claim.AlertId, claim.ChannelId, requireAuth, null, false);
        }

        var summary = $"{alert.ConfigName}: {alert.Severity}, {alert.DiscoveredVersion} deployed, {alert.LatestVersion} latest ({alert.BehindBy} behind)";
        return new AckLinkView(alert.ResolvedAt is null ? null : "resolved", claim.OrganizationId, claim.AlertId, claim.ChannelId, requireAuth, summary, alert.Acknowledged);
    }

    public async Task<CommandResult<AlertRecord>> AcknowledgeAsync(string token, string? actor)
    {
        var link = await InspectAsync(token);
        if (link.Problem is { } problem)
        {
            return problem is "resolved" ? CommandResult<AlertRecord>.Conflict("the alert is resolved") : CommandResult<AlertRecord>.NotFound($"the link is {problem}");
        }

        if (actor is null && link.RequireAuth)
        {
            return CommandResult<AlertRecord>.Conflict("this channel's links require signing in");
        }

        var metadata = JsonSerializer.Serialize(new { via = "link", channel_id = link.ChannelId });
        return await GrainFactory.GetGrain<IAlertsGrain>(0)
            .AcknowledgeAsync(actor ?? $"link:channel:{link.ChannelId}", link.OrganizationId, link.AlertId, metadata);
    }
}
