using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.Grains.Notifications;
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
            Results.Ok(new Page<TemplateRecord>(await Templates(cluster).ListAsync(context.Scope().OrganizationId), null)))
            .Produces<Page<TemplateRecord>>().WithSummary("The template in effect for each channel type and category, and where it comes from.");
        templates.MapPut("/{category}", async (string category, TemplateBody body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            return Problems.From(await Templates(cluster).SetAsync(scope.Subject, scope.OrganizationId, category, body.ChannelType, body.Template), Results.Ok);
        }).Produces<TemplateRecord>().WithSummary("Set the organization's template of a category for a channel type; refused with the error position when it does not render.");
        templates.MapDelete("/{category}", async (string category, string? channel_type, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            return Problems.From(await Templates(cluster).RemoveAsync(scope.Subject, scope.OrganizationId, category, channel_type), _ => Results.NoContent());
        }).Produces(StatusCodes.Status204NoContent).WithSummary("Remove the organization's template (?channel_type=); the global or built-in one applies again.");
        templates.MapPost("/preview", async (PreviewBody body, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Templates(cluster).PreviewAsync(context.Scope().OrganizationId, body.ChannelType, body.Event, body.Template), Results.Ok))
            .Produces<TemplatePreview>().WithSummary("Render a template (or the one in effect) with a sample alert.");

        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/", async (HttpContext context, IClusterClient cluster) =>
            Results.Ok(await cluster.GetGrain<ISettingsGrain>(context.Scope().OrganizationId).ListAsync()))
            .Produces<IReadOnlyDictionary<string, string>>().WithSummary("The organization's settings.");
        settings.MapPut("/{key}", async (string key, SettingBody body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            return Problems.From(await cluster.GetGrain<ISettingsGrain>(scope.OrganizationId).SetAsync(scope.Subject, key, body.Value), Results.Ok);
        }).Produces<IReadOnlyDictionary<string, string>>().WithSummary("Set a setting (default_notification_channel_id, notification_template.<type>.<category>); an empty value clears it.");
    }

    private static INotificationTemplatesGrain Templates(IClusterClient cluster) => cluster.GetGrain<INotificationTemplatesGrain>(0);
}
