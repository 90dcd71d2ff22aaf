using System.Text;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

/// <summary>A template's size and nesting are capped, and rendering never recurses, whatever the nesting.</summary>
public class TemplateLimitsTests
{
    private static readonly AlertNotice Notice = SampleNotice.For("alert.escalated");

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{{if .Event}}", depth)) + "deep" + string.Concat(Enumerable.Repeat("{{end}}", depth));

    [Fact]
    public void A_template_nested_to_the_cap_parses_and_renders() =>
        Assert.Equal("deep", NotificationTemplate.Parse(Nested(TemplateLimits.MaxNesting)).Template!.Render(Notice, TemplateEscaping.None));

    [Fact]
    public void One_level_more_is_refused_where_it_opens()
    {
        var error = NotificationTemplate.Parse(Nested(TemplateLimits.MaxNesting + 1)).Error!;
        Assert.Equal((1, 3 + (TemplateLimits.MaxNesting * "{{if .Event}}".Length)), (error.Line, error.Column));
        Assert.Contains($"nested more than {TemplateLimits.MaxNesting} deep", error.Message);
    }

    [Fact]
    public void A_hundred_thousand_nested_ifs_are_a_parse_error_not_a_stack_overflow()
    {
        var source = Nested(100_000);
        Assert.NotNull(NotificationTemplate.Parse(source).Error);
        Assert.NotNull(TemplateValidation.Validate(ChannelTypes.Webhook, source));
    }

    [Fact]
    public void Siblings_do_not_add_up_to_nesting()
    {
        var source = string.Concat(Enumerable.Repeat("{{if .Event}}x{{end}}", TemplateLimits.MaxNesting * 3));
        Assert.Equal(new string('x', TemplateLimits.MaxNesting * 3), NotificationTemplate.Parse(source).Template!.Render(Notice, TemplateEscaping.None));
    }

    [Fact]
    public void A_long_else_if_chain_is_one_level_and_renders_without_recursion()
    {
        var source = new StringBuilder("{{if .IsAcknowledged}}a");
        for (var i = 0; i < 2_000; i++)
        {
            source.Append("{{else if .IsAcknowledged}}b");
        }

        source.Append("{{else}}last{{end}}");
        Assert.Equal("last", NotificationTemplate.Parse(source.ToString()).Template!.Render(Notice, TemplateEscaping.None));
    }

    [Fact]
    public void A_template_over_the_size_cap_is_refused_and_one_at_it_is_not()
    {
        Assert.Null(NotificationTemplate.Parse(new string('x', TemplateLimits.MaxLength)).Error);
        var error = NotificationTemplate.Parse(new string('x', TemplateLimits.MaxLength + 1)).Error!;
        Assert.Contains($"at most {TemplateLimits.MaxLength}", error.Message);
    }
}
