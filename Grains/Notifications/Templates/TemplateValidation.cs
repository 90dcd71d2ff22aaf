using System.Text.Json;
using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// Checks a template before it is saved: it parses (positioned errors), and a webhook template renders a valid JSON
/// document in JSON mode for a sample of every alert event, with and without the optional values.
/// </summary>
public static class TemplateValidation
{
    public static TemplateError? Validate(string channelType, string source)
    {
        var parsed = NotificationTemplate.Parse(source);
        if (parsed.Error is not null || channelType != ChannelTypes.Webhook)
        {
            return parsed.Error;
        }

        return Samples().Select(sample => JsonError(parsed.Template!, sample)).FirstOrDefault(error => error is not null);
    }

    private static IEnumerable<AlertNotice> Samples() =>
        NotificationRoutingEvents.All.SelectMany(eventName => new[] { SampleNotice.For(eventName), SampleNotice.Sparse(eventName) });

    private static TemplateError? JsonError(NotificationTemplate template, AlertNotice sample)
    {
        try
        {
            using var _ = JsonDocument.Parse(template.Render(sample, TemplateEscaping.Json));
            return null;
        }
        catch (JsonException e)
        {
            var (line, column) = e.LineNumber is { } number ? ((int)number + 1, (int)(e.BytePositionInLine ?? 0) + 1) : (1, 1);
            return new TemplateError(line, column, $"the output is not valid JSON (rendered for a sample {sample.Event}): {e.Message}");
        }
    }
}
