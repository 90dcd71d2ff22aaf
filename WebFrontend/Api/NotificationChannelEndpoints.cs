using System.Text.Json;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/notification-channels</c>: CRUD, toggle, test, validate, stats. Secrets are accepted, never shown.</summary>
public static class NotificationChannelEndpoints
{
    /// <summary>A channel as clients send it; <see cref="Config"/> is the type's configuration object.</summary>
    public sealed record ChannelBody(
        string? Name, string? Type, JsonElement? Config, string? HmacSecret, bool? RequireAckAuth, Dictionary<string, string>? Templates, bool? Active)
    {
        public NotificationChannelRequest ToRequest() => new(
            Name, Type, Config is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } config ? config.GetRawText() : null,
            HmacSecret, RequireAckAuth, Templates, Active);
    }

    public static void MapNotificationChannelEndpoints(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/notification-channels").WithTags("Notification channels");
        channels.MapGet("/", async (int? limit, string? cursor, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await Directory(cluster).ListAsync(context.Scope().OrganizationId, page.Limit, page.After);
            return Results.Ok(new { items = result.Items.Select(View), next_cursor = result.NextCursor });
        }).WithSummary("The organization's channels, secrets masked (keyset pagination).");

        channels.MapPost("/", async (ChannelBody body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            var result = await Directory(cluster).CreateAsync(scope.Subject, scope.OrganizationId, body.ToRequest());
            return Problems.From(result, channel => Versioned.Tagged(Results.Created($"/api/v1/notification-channels/{channel.Id}", View(channel)), channel.Version));
        }).WithSummary("Create a channel: webhook, slack, discord, teams, pagerduty, telegram or smtp, each with its configuration.");

        channels.MapPost("/validate", async (ChannelBody body, IClusterClient cluster) =>
            Problems.From(await Directory(cluster).ValidateAsync(body.ToRequest()), _ => Results.Ok(new { valid = true })))
            .WithSummary("Check a channel's configuration as create would, without saving it.");

        channels.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await Channel(cluster, id).GetAsync(context.Scope().OrganizationId) is { } channel ? Ok(channel) : NotFound(id))
            .WithSummary("One channel, secrets masked; its version is the ETag.").WithETag();

        channels.MapPut("/{id:long}", (long id, ChannelBody body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (channel, actor, organizationId) => channel.UpdateAsync(actor, organizationId, body.ToRequest(), expected), Ok)))
            .WithSummary("Replace a channel; a secret left out keeps its stored value.").WithETag();

        channels.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (channel, actor, organizationId) => channel.DeleteAsync(actor, organizationId, expected), _ => Results.NoContent())))
            .WithSummary("Delete a channel; 409 naming the notification rules that address it.").WithETag();

        channels.MapPost("/{id:long}/toggle", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync(id, context, cluster, (channel, actor, organizationId) => channel.ToggleAsync(actor, organizationId), Ok))
            .WithSummary("Disable a channel (its deliveries go dead) or enable it again.");

        channels.MapPost("/{id:long}/test", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Channel(cluster, id).TestAsync(context.Scope().OrganizationId), Results.Ok))
            .WithSummary("Send a sample event now; answers the status code and the first 2 KB of the response body.");

        channels.MapGet("/{id:long}/stats", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Channel(cluster, id).StatsAsync(context.Scope().OrganizationId), Results.Ok))
            .WithSummary("Deliveries sent, failed (retrying), dead and pending; the last success and the last error.");
    }

    /// <summary>200 with the channel's view and its <c>ETag</c>.</summary>
    private static IResult Ok(NotificationChannelRecord channel) => Versioned.Tagged(Results.Ok(View(channel)), channel.Version);

    /// <summary>The channel as JSON: the masked configuration as an object, not as text.</summary>
    private static object View(NotificationChannelRecord channel) => new
    {
        channel.Id, channel.OrganizationId, channel.Name, channel.Type, Config = JsonDocument.Parse(channel.ConfigJson).RootElement.Clone(),
        channel.HasHmacSecret, channel.RequireAckAuth, channel.Active, channel.Templates, channel.CreatedAt, channel.UpdatedAt,
    };

    /// <summary>A command on the channel's grain, which checks the organization (docs/security.md, "Tenancy").</summary>
    private static async Task<IResult> ChangeAsync<T>(
        long id, HttpContext context, IClusterClient cluster, Func<INotificationChannelGrain, string, long, Task<CommandResult<T>>> change, Func<T, IResult> onOk) =>
        Problems.From(await change(Channel(cluster, id), context.Scope().Subject, context.Scope().OrganizationId), onOk);

    private static INotificationChannelGrain Channel(IClusterClient cluster, long id) => cluster.GetGrain<INotificationChannelGrain>(id);

    private static INotificationChannelDirectoryGrain Directory(IClusterClient cluster) => cluster.GetGrain<INotificationChannelDirectoryGrain>(0);

    private static IResult NotFound(long id) => Problems.NotFound($"no notification channel {id}");
}
