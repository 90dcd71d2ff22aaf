using System.Text.Json;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/notification-channels</c>: CRUD, toggle, test, validate, stats. Secrets are accepted, never shown.</summary>
public static class NotificationChannelEndpoints
{
    /// <summary>A channel as clients send it; <see cref="Config"/> is the type's configuration object.</summary>
    public sealed record ChannelBody(
        string? Name, [property: ValuesOf(typeof(ChannelTypes))] string? Type, JsonElement? Config, string? HmacSecret, bool? RequireAckAuth, Dictionary<string, string>? Templates, bool? Active)
    {
        public NotificationChannelRequest ToRequest() => new(
            Name, Type, Config is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } config ? config.GetRawText() : null,
            HmacSecret, RequireAckAuth, Templates, Active);
    }

    /// <summary>A channel as the API shows it: the configuration as a JSON object with its secrets masked.</summary>
    public sealed record ChannelView(
        long Id, long OrganizationId, string Name, [property: ValuesOf(typeof(ChannelTypes))] string Type, JsonElement Config,
        bool HasHmacSecret, bool RequireAckAuth, bool Active, IReadOnlyDictionary<string, string> Templates, DateTime CreatedAt, DateTime UpdatedAt);

    /// <summary>The configuration is valid (otherwise the answer is 422 naming the fields).</summary>
    public sealed record ChannelValidation(bool Valid);

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
            return Results.Ok(new Page<ChannelView>([.. result.Items.Select(View)], result.NextCursor));
        }).Produces<Page<ChannelView>>().WithSummary("The organization's channels, secrets masked (keyset pagination).");

        channels.MapPost("/", async (ChannelBody body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            var result = await Directory(cluster).CreateAsync(scope.Subject, scope.OrganizationId, body.ToRequest());
            return Problems.From(result, channel => Versioned.Tagged(Results.Created($"/api/v1/notification-channels/{channel.Id}", View(channel)), channel.Version));
        }).Produces<ChannelView>(StatusCodes.Status201Created).WithSummary("Create a channel: webhook, slack, discord, teams, pagerduty, telegram or smtp, each with its configuration.");

        channels.MapPost("/validate", async (ChannelBody body, IClusterClient cluster) =>
            Problems.From(await Directory(cluster).ValidateAsync(body.ToRequest()), _ => Results.Ok(new ChannelValidation(true))))
            .Produces<ChannelValidation>().WithSummary("Check a channel's configuration as create would, without saving it.");

        channels.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await Channel(cluster, id).GetAsync(context.Scope().OrganizationId) is { } channel ? Ok(channel) : NotFound(id))
            .Produces<ChannelView>().WithSummary("One channel, secrets masked; its version is the ETag.").WithETag();

        channels.MapPut("/{id:long}", (long id, ChannelBody body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (channel, actor, organizationId) => channel.UpdateAsync(actor, organizationId, body.ToRequest(), expected), Ok)))
            .Produces<ChannelView>().WithSummary("Replace a channel; a secret left out keeps its stored value.").WithETag();

        channels.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (channel, actor, organizationId) => channel.DeleteAsync(actor, organizationId, expected), _ => Results.NoContent())))
            .Produces(StatusCodes.Status204NoContent).WithSummary("Delete a channel; 409 naming the notification rules that address it.").WithETag();

        channels.MapPost("/{id:long}/toggle", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync(id, context, cluster, (channel, actor, organizationId) => channel.ToggleAsync(actor, organizationId), Ok))
            .Produces<ChannelView>().WithSummary("Disable a channel (its deliveries go dead) or enable it again.");

        channels.MapPost("/{id:long}/test", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Channel(cluster, id).TestAsync(context.Scope().OrganizationId), Results.Ok))
            .Produces<ChannelTestResult>().WithSummary("Send a sample event now; answers the status code and the first 2 KB of the response body.");

        channels.MapGet("/{id:long}/stats", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Channel(cluster, id).StatsAsync(context.Scope().OrganizationId), Results.Ok))
            .Produces<ChannelStats>().WithSummary("Deliveries sent, failed (retrying), dead and pending; the last success and the last error.");
    }

    /// <summary>200 with the channel's view and its <c>ETag</c>.</summary>
    private static IResult Ok(NotificationChannelRecord channel) => Versioned.Tagged(Results.Ok(View(channel)), channel.Version);

    /// <summary>The channel as JSON: the masked configuration as an object, not as text.</summary>
    private static ChannelView View(NotificationChannelRecord channel) => new(
        channel.Id, channel.OrganizationId, channel.Name, channel.Type, JsonDocument.Parse(channel.ConfigJson).RootElement.Clone(),
        channel.HasHmacSecret, channel.RequireAckAuth, channel.Active, channel.Templates, channel.CreatedAt, channel.UpdatedAt);

    /// <summary>A command on the channel's grain, which checks the organization (docs/security.md, "Tenancy").</summary>
    private static async Task<IResult> ChangeAsync<T>(
        long id, HttpContext context, IClusterClient cluster, Func<INotificationChannelGrain, string, long, Task<CommandResult<T>>> change, Func<T, IResult> onOk) =>
        Problems.From(await change(Channel(cluster, id), context.Scope().Subject, context.Scope().OrganizationId), onOk);

    private static INotificationChannelGrain Channel(IClusterClient cluster, long id) => cluster.GetGrain<INotificationChannelGrain>(id);

    private static INotificationChannelDirectoryGrain Directory(IClusterClient cluster) => cluster.GetGrain<INotificationChannelDirectoryGrain>(0);

    private static IResult NotFound(long id) => Problems.NotFound($"no notification channel {id}");
}
