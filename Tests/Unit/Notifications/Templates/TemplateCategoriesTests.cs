using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class TemplateCategoriesTests
{
    [Theory]
    [InlineData("alert.created", "new_alert")]
    [InlineData("alert.escalated", "new_alert")]
    [InlineData("alert.acknowledged", "acknowledged")]
    [InlineData("alert.unacknowledged", "acknowledged")]
    [InlineData("alert.resolved", "resolved")]
    public void Each_event_belongs_to_one_category(string eventName, string category) => Assert.Equal(category, TemplateCategories.For(eventName));

    [Fact]
    public void The_categories_are_those_of_the_spec() => Assert.Equal(["new_alert", "acknowledged", "resolved"], TemplateCategories.All);

    [Fact]
    public void Other_events_have_no_category() => Assert.Throws<ArgumentException>(() => TemplateCategories.For("alert.deleted"));
}
