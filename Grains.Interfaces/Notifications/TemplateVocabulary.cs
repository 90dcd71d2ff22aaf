namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// What a notification template can say, as the grains that render templates define it: every variable, every
/// function a pipe can apply, the condition forms, and the categories with the alert events each renders. The
/// template editor lists it beside the template (docs/notifications.md, "Templates").
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.template-vocabulary")]
public sealed record TemplateVocabulary(
    [property: Id(0)] IReadOnlyList<TemplateTerm> Variables,
    [property: Id(1)] IReadOnlyList<TemplateTerm> Functions,
    [property: Id(2)] IReadOnlyList<TemplateTerm> Conditions,
    [property: Id(3)] IReadOnlyList<TemplateCategoryEvents> Categories,
    [property: Id(4)] string SampleEvent)
{
    /// <summary>The alert events a category renders, or none for an unknown category.</summary>
    public IReadOnlyList<string> EventsOf(string category) =>
        Categories.FirstOrDefault(entry => entry.Category == category)?.Events ?? [];
}

/// <summary>
/// One thing a template can write: how it is written (<c>{{.Alert.Severity}}</c>), what it gives, and what it renders
/// for the sample alert of <see cref="TemplateVocabulary.SampleEvent"/> (empty for a missing value).
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.template-term")]
public sealed record TemplateTerm(
    [property: Id(0)] string Syntax,
    [property: Id(1)] string Description,
    [property: Id(2)] string Sample);

/// <summary>A template category (<c>new_alert</c>) and the alert events rendered with it (<c>alert.created</c>, <c>alert.escalated</c>).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.template-category")]
public sealed record TemplateCategoryEvents(
    [property: Id(0)] string Category,
    [property: Id(1)] IReadOnlyList<string> Events);
