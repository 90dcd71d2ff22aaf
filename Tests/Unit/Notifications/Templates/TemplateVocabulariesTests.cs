using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

/// <summary>
/// The list the template editor shows beside the template is made from the parser's and the renderer's own
/// definitions: every variable and function once, conditions that parse, each category with its events, and the
/// samples the real renderer gives for the sample escalation.
/// </summary>
public class TemplateVocabulariesTests
{
    private static readonly TemplateVocabulary Vocabulary = TemplateVocabularies.Current;

    [Fact]
    public void Every_variable_is_listed_once_as_an_action() =>
        Assert.Equal(TemplateFields.Names.Select(name => "{{." + name + "}}"), Vocabulary.Variables.Select(term => term.Syntax));

    [Fact]
    public void Every_function_is_listed_once_in_a_pipe() =>
        Assert.Equal(TemplateFunctions.Names, Vocabulary.Functions.Select(term => term.Syntax.Split('|')[1].Trim(' ', '}')));

    [Fact]
    public void Every_term_parses_and_says_what_it_is() => Assert.All(Vocabulary.Variables.Concat(Vocabulary.Functions).Concat(Vocabulary.Conditions), term =>
    {
        Assert.Null(NotificationTemplate.Parse(term.Syntax).Error);
        Assert.False(string.IsNullOrWhiteSpace(term.Description));
    });

    [Theory]
    [InlineData("{{.Alert.Severity}}", "high")]
    [InlineData("{{.PreviousSeverity}}", "moderate")]
    [InlineData("{{.Event}}", "alert.escalated")]
    [InlineData("{{.Alert.BehindBy}}", "2")]
    [InlineData("{{.IsAcknowledged}}", "false")]
    [InlineData("{{.Alert.Severity | upper}}", "HIGH")]
    [InlineData("{{.Alert.LatestVersion | json}}", "\"1.29.4\"")]
    [InlineData("{{if .IsAcknowledged}}acknowledged{{else}}open{{end}}", "open")]
    public void The_samples_are_what_the_renderer_gives_for_the_sample_escalation(string syntax, string sample) =>
        Assert.Equal(sample, Vocabulary.Variables.Concat(Vocabulary.Functions).Concat(Vocabulary.Conditions).Single(term => term.Syntax == syntax).Sample);

    [Fact]
    public void Each_category_lists_the_events_it_renders_and_every_event_has_one()
    {
        Assert.Equal(TemplateCategories.All, Vocabulary.Categories.Select(category => category.Category));
        Assert.Equal(["alert.created", "alert.escalated"], Vocabulary.EventsOf("new_alert"));
        Assert.Equal(["alert.acknowledged", "alert.unacknowledged"], Vocabulary.EventsOf("acknowledged"));
        Assert.Equal(["alert.resolved"], Vocabulary.EventsOf("resolved"));
        Assert.Equal(NotificationRoutingEvents.All.Order(), Vocabulary.Categories.SelectMany(category => category.Events).Order());
        Assert.Empty(Vocabulary.EventsOf("no_such_category"));
    }
}
