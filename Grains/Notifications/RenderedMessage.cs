namespace Planekeeper.Grains.Notifications;

/// <summary>
/// What a sender puts on the wire, already rendered from the resolved template: <see cref="Subject"/> (mail subject,
/// card title, PagerDuty summary), <see cref="Text"/> (chat message, mail text body), <see cref="Html"/> (mail HTML
/// body) and, for webhooks, <see cref="JsonBody"/> (the standard payload or a custom template's JSON).
/// </summary>
public sealed record RenderedMessage(string Subject, string Text, string? Html, string? JsonBody);
