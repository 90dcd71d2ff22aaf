namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// Renders what a channel sends from a notice and the template in effect (null: the channel type's built-in).
/// Subject is a one-line summary; Text the template rendered as it is; Html (mail only) the text as an HTML document;
/// JsonBody (webhooks only) the custom template rendered with JSON escaping, or the standard payload.
/// </summary>
public static class MessageComposer
{
    /// <exception cref="FormatException">The custom template does not parse (templates are checked when saved).</exception>
    public static RenderedMessage Compose(string channelType, AlertNotice notice, string? customTemplate)
    {
        var subject = MessageSubject.For(notice);
        if (channelType == ChannelTypes.Webhook)
        {
            var body = customTemplate is null ? StandardWebhookPayload.Build(notice) : Parsed(customTemplate).Render(notice, TemplateEscaping.Json);
            return new RenderedMessage(subject, subject, null, body);
        }

        var source = customTemplate ?? BuiltInTemplates.For(channelType, TemplateCategories.For(notice.Event));
        var text = Parsed(source).Render(notice, TemplateEscaping.None);
        return new RenderedMessage(subject, text, channelType == ChannelTypes.Smtp ? MailHtml.Document(subject, text) : null, null);
    }

    private static NotificationTemplate Parsed(string source)
    {
        var parsed = NotificationTemplate.Parse(source);
        return parsed.Template ?? throw new FormatException($"the template does not parse: {parsed.Error}");
    }
}
