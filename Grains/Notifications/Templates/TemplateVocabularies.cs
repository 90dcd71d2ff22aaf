using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The <see cref="TemplateVocabulary"/> the editor lists, made from the definitions the parser and the renderer use
/// (<see cref="TemplateFields"/>, <see cref="TemplateFunctions"/>, <see cref="TemplateConditions"/>,
/// <see cref="TemplateCategories"/>), each example rendered by the real renderer for the sample escalation.
/// </summary>
public static class TemplateVocabularies
{
    /// <summary>The sample whose values the list shows: the one with the most variables set (escalated from moderate).</summary>
    public const string SampleEvent = AlertEvents.Escalated;

    public static TemplateVocabulary Current { get; } = Build();

    private static TemplateVocabulary Build()
    {
        var sample = SampleNotice.For(SampleEvent);
        string Rendered(string source) => NotificationTemplate.Parse(source).Template!.Render(sample, TemplateEscaping.None);

        var variables = TemplateFields.Names
            .Select(name => "{{." + name + "}}")
            .Select(syntax => new TemplateTerm(syntax, TemplateFields.Describe(syntax[3..^2]), Rendered(syntax)))
            .ToArray();
        var functions = TemplateFunctions.Names
            .Select(name => (Name: name, Described: TemplateFunctions.Describe(name)))
            .Select(function => new TemplateTerm(function.Described.Example, $"{function.Name}: {function.Described.Description}", Rendered(function.Described.Example)))
            .ToArray();
        var conditions = TemplateConditions.Forms
            .Select(form => new TemplateTerm(form.Example, form.Description, Rendered(form.Example)))
            .ToArray();
        var categories = TemplateCategories.All
            .Select(category => new TemplateCategoryEvents(category, NotificationRoutingEvents.All.Where(name => TemplateCategories.For(name) == category).ToArray()))
            .ToArray();
        return new TemplateVocabulary(variables, functions, conditions, categories, SampleEvent);
    }
}
