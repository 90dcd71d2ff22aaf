using System.Net;
using System.Text.RegularExpressions;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Renders what a channel sends from a notice and the template in effect (null: the type's built-in).</summary>
public static partial class MessageComposer
{
    public static RenderedMessage Compose(string channelType, AlertNotice notice, string? customTemplate)
    {
        var subject = Subject(notice);
        if (channelType == ChannelTypes.Webhook)
        {
            var body = customTemplate is null ? StandardWebhookPayload.Build(notice) : Parsed(customTemplate).Render(notice, TemplateEscaping.Json);
            return new RenderedMessage(subject, subject, null, body);
        }

        var text = Parsed(customTemplate ?? BuiltInTemplates.For(channelType, TemplateCategories.For(notice.Event))).Render(notice, TemplateEscaping.None);
        return new RenderedMessage(subject, text, channelType == ChannelTypes.Smtp ? Html(subject, text) : null, null);
    }

    private static string Subject(AlertNotice notice)
    {
        var what = $"{notice.ConfigName}: {notice.ArtifactName} {notice.BehindBy} behind";
        return TemplateCategories.For(notice.Event) switch
        {
            TemplateCategories.NewAlert => $"[{notice.Severity.ToUpperInvariant()}] {what}",
            TemplateCategories.Acknowledged => $"{(notice.Acknowledged ? "Acknowledged" : "Unacknowledged")}: {what}",
            _ => $"Resolved: {what}",
        };
    }

    /// <summary>The text as an HTML part: encoded, line breaks kept, addresses clickable.</summary>
    private static string Html(string subject, string text)
    {
        var body = Links().Replace(WebUtility.HtmlEncode(text), match => $"<a href=\"{match.Value}\">{match.Value}</a>").Replace("\n", "<br>\n");
        return $"<!doctype html><html><body><h2>{WebUtility.HtmlEncode(subject)}</h2><p>{body}</p></body></html>";
    }

    [GeneratedRegex(@"https?://[^\s<]+")]
    private static partial Regex Links();

    private static NotificationTemplate Parsed(string source) =>
        NotificationTemplate.Parse(source) is { Template: { } template } ? template
            : throw new InvalidOperationException($"the template does not parse: {NotificationTemplate.Parse(source).Error}");
}
