using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Tests.Unit.Notifications.Templates;

public class TemplateErrorTests
{
    [Theory]
    [InlineData("Hello {{.Alert.Severty}}", 1, 9, "unknown field .Alert.Severty (did you mean .Alert.Severity?)")]
    [InlineData("{{.Alert.severity}}", 1, 3, "unknown field .Alert.severity (did you mean .Alert.Severity?)")]
    [InlineData("first\nsecond {{.Nope}}", 2, 10, "unknown field .Nope")]
    [InlineData("{{.}}", 1, 3, "unknown field .")]
    [InlineData("line one\n  {{.Alert.Severity | shout}}", 2, 23, "unknown function 'shout' (upper, lower and json are known)")]
    [InlineData("{{Alert.Severity}}", 1, 3, "unknown value 'Alert.Severity': variables start with a dot")]
    [InlineData("{{Event}}", 1, 3, "unknown value 'Event': variables start with a dot, e.g. .Event")]
    [InlineData("{{printf .Event}}", 1, 3, "unknown function 'printf'")]
    [InlineData("{{\"text\"}}", 1, 3, "unexpected '\"text\"': expected a variable such as .Alert.Severity")]
    [InlineData("{{.Alert.Severity upper}}", 1, 19, "unexpected 'upper' after .Alert.Severity: apply a function with a pipe, e.g. .Alert.Severity | upper")]
    [InlineData("{{.Alert.Severity .Event}}", 1, 19, "unexpected '.Event' after .Alert.Severity")]
    [InlineData("{{.Alert.Severity |}}", 1, 19, "missing function after |")]
    [InlineData("{{| upper}}", 1, 3, "missing value")]
    [InlineData("{{.Alert.Severity | .Event}}", 1, 21, "a variable cannot follow |")]
    [InlineData("{{.Alert.Severity | upper .Event}}", 1, 27, "unexpected '.Event' after upper")]
    [InlineData("{{upper}}", 1, 3, "upper needs a value")]
    [InlineData("is {{{.Alert.Severity}}}", 1, 6, "unexpected '{.Alert.Severity'")]
    [InlineData("{{}}", 1, 3, "empty action")]
    [InlineData("{{ \n }}", 1, 3, "empty action")]
    public void Unknown_names_and_bad_pipelines_are_parse_errors(string source, int line, int column, string message) =>
        AssertError(source, line, column, message);

    [Theory]
    [InlineData("a\nb\n{{else}}", 3, 3, "{{else}} without {{if}}")]
    [InlineData("{{end}}", 1, 3, "{{end}} without {{if}}")]
    [InlineData("x\n{{if .IsAcknowledged}}y", 2, 3, "{{if}} without {{end}}")]
    [InlineData("{{if .Event}}{{if .IsAcknowledged}}{{end}}", 1, 3, "{{if}} without {{end}}")]
    [InlineData("{{if .IsAcknowledged}}a{{else}}b{{else}}c{{end}}", 1, 35, "a second {{else}} in one {{if}}")]
    [InlineData("{{if}}", 1, 3, "{{if}} needs a condition, e.g. {{if .IsAcknowledged}}")]
    [InlineData("{{if .Event}}{{else if}}{{end}}", 1, 21, "{{else if}} needs a condition")]
    [InlineData("{{if .Event}}{{else .Event}}{{end}}", 1, 21, "{{else}} takes nothing after it, except if")]
    [InlineData("{{if .Event}}{{end .Event}}", 1, 20, "{{end}} takes nothing after it")]
    [InlineData("{{range .Alert}}{{end}}", 1, 3, "{{range}} is not supported")]
    [InlineData("{{with .Alert}}{{end}}", 1, 3, "{{with}} is not supported")]
    public void Structure_errors_point_at_their_keyword(string source, int line, int column, string message) =>
        AssertError(source, line, column, message);

    [Theory]
    [InlineData("ok {{.Alert.Severity", 1, 4, "unclosed action: {{ without }}")]
    [InlineData("{{.Alert.Severity\nnext {{.Event}}", 1, 1, "unclosed action")]
    [InlineData("a\n  {{/* never closed", 2, 5, "unclosed comment: /* without */")]
    [InlineData("{{/* c */ x}}", 1, 10, "a comment must end its action")]
    [InlineData("a {{-/* note */-}} b", 1, 5, "unexpected '-/*'")]
    public void Unclosed_actions_and_comments_are_parse_errors(string source, int line, int column, string message) =>
        AssertError(source, line, column, message);

    [Fact]
    public void An_error_reads_line_column_message() =>
        Assert.Equal("line 1, column 14: unknown field .Alert.Severty", new TemplateError(1, 14, "unknown field .Alert.Severty").ToString());

    [Fact]
    public void A_parse_gives_a_template_or_an_error()
    {
        var good = NotificationTemplate.Parse("{{.Event}}");
        var bad = NotificationTemplate.Parse("{{.Evnt}}");
        Assert.Equal((true, false), (good.Template is not null, good.Error is not null));
        Assert.Equal((false, true), (bad.Template is not null, bad.Error is not null));
    }

    private static void AssertError(string source, int line, int column, string message)
    {
        var result = NotificationTemplate.Parse(source);
        Assert.Null(result.Template);
        var error = result.Error!;
        Assert.StartsWith(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"line {line}, column {column}: {message}", error.ToString());
    }
}
