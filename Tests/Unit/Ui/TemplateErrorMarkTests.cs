using Planekeeper.WebFrontend.Pages.NotificationTemplates;

namespace Planekeeper.Tests.Unit.Ui;

/// <summary>
/// The template editor finds an error's line and column in the grains' message and marks that line of the template
/// with a caret under the column; the editor's CR LF line breaks become the LF the grains count lines by.
/// </summary>
public class TemplateErrorMarkTests
{
    [Fact]
    public void The_line_the_error_names_is_marked_under_its_column()
    {
        var mark = TemplateErrorMark.From("line 2, column 13: unknown field .Alert.Severty (did you mean .Alert.Severity?)", "ok\nSeverity: {{.Alert.Severty}}\nend");

        Assert.NotNull(mark);
        Assert.Equal((2, 13), (mark.Line, mark.Column));
        Assert.Equal("Severity: {{.Alert.Severty}}", mark.SourceLine);
        Assert.Equal(new string(' ', 12), mark.CaretIndent);
        Assert.Equal("line 2, column 13: unknown field .Alert.Severty (did you mean .Alert.Severity?)", mark.Message);
    }

    [Fact]
    public void A_position_after_the_fields_name_is_found_too() =>
        Assert.Equal((1, 14), TemplateErrorMark.From("templates.new_alert: line 1, column 14: unknown field .Alert.Severty", "Severity is {{.Alert.Severty}}") is { } mark
            ? (mark.Line, mark.Column)
            : default);

    [Fact]
    public void Tabs_before_the_column_stay_tabs_so_the_caret_lines_up() =>
        Assert.Equal("\t\t ", TemplateErrorMark.From("line 1, column 4: unknown field .X", "\t\t {{.X}}")!.CaretIndent);

    [Fact]
    public void A_carriage_return_is_not_part_of_the_line()
    {
        var mark = TemplateErrorMark.From("line 1, column 6: unknown field .X", "abc  {{.X}}\r\nnext")!;

        Assert.Equal("abc  {{.X}}", mark.SourceLine);
        Assert.Equal("     ", mark.CaretIndent);
    }

    [Fact]
    public void A_column_past_the_end_of_the_line_puts_the_caret_just_after_it() =>
        Assert.Equal("   ", TemplateErrorMark.From("line 1, column 40: {{if}} without {{end}}", "abc")!.CaretIndent);

    [Fact]
    public void A_line_past_the_end_of_the_template_is_named_but_not_shown()
    {
        var mark = TemplateErrorMark.From("line 3, column 1: the output is not valid JSON", "{\n")!;

        Assert.Equal(3, mark.Line);
        Assert.Null(mark.SourceLine);
    }

    [Theory]
    [InlineData("template is required")]
    [InlineData("line two, column 1: nonsense")]
    [InlineData("line 0, column 1: there is no line 0")]
    [InlineData("line 1, column 0: there is no column 0")]
    [InlineData("line 99999999999, column 1: too far to count")]
    public void An_error_without_a_position_is_not_marked(string error) => Assert.Null(TemplateErrorMark.From(error, "text"));

    [Theory]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("a\rb", "a\rb")]
    [InlineData(null, null)]
    public void The_editors_line_breaks_become_the_templates(string? typed, string? template) => Assert.Equal(template, TemplateText.Normalize(typed));
}
