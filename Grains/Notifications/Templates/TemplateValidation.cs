using System.Text.Json;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Checks a template before it is saved: it parses, and a webhook template renders valid JSON.</summary>
public static class TemplateValidation
{
    public static TemplateError? Validate(string channelType, string source)
    {
        var parsed = NotificationTemplate.Parse(source);
        if (parsed.Error is { } error)
        {
            return error;
        }

        if (channelType != ChannelTypes.Webhook)
        {
            return null;
        }

        foreach (var sample in Routing.NotificationRoutingEvents.All.Select(SampleNotice.For))
        {
            try
            {
                using var _ = JsonDocument.Parse(parsed.Template!.Render(sample, TemplateEscaping.Json));
            }
            catch (JsonException e)
            {
                return new TemplateError((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                    $"a webhook template must render a JSON document; with a sample {sample.Event} it does not: {e.Message}");
            }
        }

        return null;
    }
}
