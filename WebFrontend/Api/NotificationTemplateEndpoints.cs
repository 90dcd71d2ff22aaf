using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.Grains.Notifications;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/notification-templates</c> (the organization's overrides) and <c>/settings</c>.</summary>
public static class NotificationTemplateEndpoints
{
    public sealed record TemplateBody([property: ValuesOf(typeof(ChannelTypes))] string? ChannelType, string? Template);

    public sealed record PreviewBody(
        [property: ValuesOf(typeof(ChannelTypes))] string? ChannelType, [property: ValuesOf(typeof(AlertEventNames))] string? Event, string? Template);

    public sealed record SettingBody(string? Value);

    public static void MapNotificationTemplateEndpoints(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/notification-templates").WithTags("Notification templates");
        templates.MapGet("/", async (HttpContext context, IClusterClient cluster) =>
        {
            // The version first: a change between the two reads makes the ETag older than the list, never newer.
            var version = (await Settings(cluster, context).GetAsync()).Version;
            var items = await Templates(cluster).ListAsync(context.Scope().OrganizationId);
            return Versioned.Tagged(Results.Ok(new Page<TemplateRecord>(items, null)), version);
        }).Produces<Page<TemplateRecord>>().WithSummary("The template in effect for each channel type and category, and where it comes from; the ETag is the settings' version.").WithETag();
        templates.MapPut("/{category}", (string category, TemplateBody body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, async expected =>
        {
            var scope = context.Scope();
            return Problems.From(await Templates(cluster).SetAsync(scope.Subject, scope.OrganizationId, category, body.ChannelType, body.Template, expected), Versioned.Ok);
        })).Produces<TemplateRecord>().WithSummary("Set the organization's template of a category for a channel type; refused with the error position when it does not render.").WithETag();
        templates.MapDelete("/{category}", (string category, string? channel_type, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, async expected =>
        {
            var scope = context.Scope();
            return Problems.From(await Templates(cluster).RemoveAsync(scope.Subject, scope.OrganizationId, category, channel_type, expected), _ => Results.NoContent());
        })).Produces(StatusCodes.Status204NoContent).WithSummary("Remove the organization's template (?channel_type=); the global or built-in one applies again.").WithETag();
        templates.MapPost("/preview", async (PreviewBody body, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Templates(cluster).PreviewAsync(context.Scope().OrganizationId, body.ChannelType, body.Event, body.Template), Results.Ok))
            .Produces<TemplatePreview>().WithSummary("Render a template (or the one in effect) with a sample alert.");

        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/", async (HttpContext context, IClusterClient cluster) => Ok(await Settings(cluster, context).GetAsync()))
            .Produces<IReadOnlyDictionary<string, string>>().WithSummary("The organization's settings; their one version is the ETag.").WithETag();
        settings.MapPut("/{key}", (string key, SettingBody body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, async expected =>
            Problems.From(await Settings(cluster, context).SetAtVersionAsync(context.Scope().Subject, key, body.Value, expected), Ok)))
            .Produces<IReadOnlyDictionary<string, string>>().WithSummary("Set a setting (default_notification_channel_id, notification_template.<type>.<category>); an empty value clears it.").WithETag();
    }

    private static INotificationTemplatesGrain Templates(IClusterClient cluster) => cluster.GetGrain<INotificationTemplatesGrain>(0);

    private static ISettingsGrain Settings(IClusterClient cluster, HttpContext context) => cluster.GetGrain<ISettingsGrain>(context.Scope().OrganizationId);

    /// <summary>200 with the settings as a map and their version as the <c>ETag</c>.</summary>
    private static IResult Ok(SettingsRecord settings) => Versioned.Tagged(Results.Ok(settings.Values), settings.Version);
}
