using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class PolicyDocumentParseTests
{
    private static PolicyDocumentError SingleError(string json)
    {
        var parse = PolicyDocument.Parse(json);
        Assert.False(parse.Succeeded);
        Assert.Null(parse.Document);
        return Assert.Single(parse.Errors);
    }

    private static string Statement(string effect = "\"Allow\"", string action = "\"gather-jobs:list\"", string resource = "\"*\"") =>
        $$"""{"Effect":{{effect}},"Action":{{action}},"Resource":{{resource}}}""";

    private static string Document(params string[] statements) => $$"""{"Statement":[{{string.Join(",", statements)}}]}""";

    [Fact]
    public void A_valid_document_parses()
    {
        var parse = PolicyDocument.Parse("""
            {
              "Statement": [
                { "Sid": "jobs", "Effect": "Allow", "Action": ["gather-jobs:list", "releases:*"], "Resource": "*" },
                { "Effect": "Deny", "Action": "releases:delete", "Resource": ["*"] }
              ]
            }
            """);

        Assert.True(parse.Succeeded);
        Assert.Empty(parse.Errors);
        Assert.Equal(2, parse.Document.Statements.Count);
        Assert.Equal(PolicyEffect.Allow, parse.Document.Statements[0].Effect);
        Assert.Equal(["gather-jobs:list", "releases:*"], parse.Document.Statements[0].Actions);
        Assert.Equal(PolicyEffect.Deny, parse.Document.Statements[1].Effect);
        Assert.Equal(["releases:delete"], parse.Document.Statements[1].Actions);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*:list")]
    [InlineData("*-jobs:run")]
    [InlineData("notification-*:*")]
    [InlineData("permissions:explain")]
    public void Actions_and_covering_patterns_are_accepted(string action)
    {
        Assert.True(PolicyDocument.Parse(Document(Statement(action: $"\"{action}\""))).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"Statement\":[}")]
    public void Invalid_json_is_a_document_level_error(string json)
    {
        var error = SingleError(json);

        Assert.Null(error.StatementIndex);
        Assert.Contains("not valid JSON", error.Reason);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"Statement\"")]
    [InlineData("null")]
    public void The_document_must_be_an_object(string json)
    {
        var error = SingleError(json);

        Assert.Null(error.StatementIndex);
        Assert.Contains("JSON object", error.Reason);
    }

    [Theory]
    [InlineData("{}", "Statement is required")]
    [InlineData("{\"Statement\":{}}", "Statement must be an array")]
    [InlineData("{\"Statement\":null}", "Statement must be an array")]
    [InlineData("{\"Statement\":[]}", "at least one statement")]
    public void Missing_or_empty_statement_is_a_document_level_error(string json, string expected)
    {
        var error = SingleError(json);

        Assert.Null(error.StatementIndex);
        Assert.Contains(expected, error.Reason);
    }

    [Fact]
    public void Unknown_document_property_is_named()
    {
        var parse = PolicyDocument.Parse($$"""{"Version":"2012-10-17","Statement":[{{Statement()}}]}""");

        var error = Assert.Single(parse.Errors);
        Assert.Null(error.StatementIndex);
        Assert.Contains("\"Version\"", error.Reason);
    }

    [Theory]
    [InlineData("\"allow\"", "\"allow\"")]
    [InlineData("\"ALLOW\"", "\"ALLOW\"")]
    [InlineData("\"Permit\"", "\"Permit\"")]
    [InlineData("1", "1")]
    [InlineData("null", "null")]
    public void Bad_effect_is_reported_with_the_statement_index_and_the_value_given(string effect, string shown)
    {
        var error = SingleError(Document(Statement(), Statement(effect: effect)));

        Assert.Equal(1, error.StatementIndex);
        Assert.Contains("\"Allow\" or \"Deny\"", error.Reason);
        Assert.Contains($"got {shown}", error.Reason);
    }

    [Fact]
    public void Missing_effect_is_reported()
    {
        var error = SingleError(Document("""{"Action":"releases:list","Resource":"*"}"""));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains("Effect is required", error.Reason);
    }

    [Theory]
    [InlineData("\"gather-jobs:fly\"", "Unknown action \"gather-jobs:fly\"")]
    [InlineData("[\"releases:list\", \"rockets:launch\"]", "Unknown action \"rockets:launch\"")]
    [InlineData("\"Gather-Jobs:list\"", "Unknown action \"Gather-Jobs:list\"")]
    [InlineData("\"gather-jobs\"", "\"gather-jobs\" is not of the form resource:action")]
    [InlineData("\"gather-*\"", "\"gather-*\" is not of the form resource:action")]
    [InlineData("\"\"", "\"\" is not of the form resource:action")]
    public void Unknown_action_is_named_with_the_statement_index(string action, string expected)
    {
        var error = SingleError(Document(Statement(), Statement(), Statement(action: action)));

        Assert.Equal(2, error.StatementIndex);
        Assert.Contains(expected, error.Reason);
    }

    [Theory]
    [InlineData("rockets:*")]
    [InlineData("*:launch")]
    [InlineData("gather-jobs:set-*")]
    public void Wildcard_covering_no_action_is_named(string pattern)
    {
        var error = SingleError(Document(Statement(action: $"\"{pattern}\"")));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains($"\"{pattern}\" matches no known action", error.Reason);
    }

    [Theory]
    [InlineData("[]", "at least one action")]
    [InlineData("1", "string or an array of strings")]
    [InlineData("null", "string or an array of strings")]
    [InlineData("[\"releases:list\", 1]", "must be a string")]
    public void Action_must_be_a_non_empty_string_list(string action, string expected)
    {
        var error = SingleError(Document(Statement(action: action)));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains(expected, error.Reason);
    }

    [Fact]
    public void Missing_action_is_reported()
    {
        var error = SingleError(Document("""{"Effect":"Allow","Resource":"*"}"""));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains("Action is required", error.Reason);
    }

    [Theory]
    [InlineData("\"arn:aws:s3:::bucket\"")]
    [InlineData("\"gather-jobs\"")]
    [InlineData("[]")]
    [InlineData("[\"*\", \"org:2\"]")]
    [InlineData("1")]
    [InlineData("\"\"")]
    public void Resource_other_than_star_is_rejected_with_the_reason(string resource)
    {
        var error = SingleError(Document(Statement(resource: resource)));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains("Resource must be \"*\"", error.Reason);
        Assert.Contains("scoped by organization, not by resource", error.Reason);
    }

    [Fact]
    public void Missing_resource_is_reported()
    {
        var error = SingleError(Document("""{"Effect":"Allow","Action":"releases:list"}"""));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains("Resource is required", error.Reason);
        Assert.Contains("scoped by organization", error.Reason);
    }

    [Fact]
    public void Unknown_statement_properties_are_named()
    {
        var error = SingleError(Document(
            """{"Effect":"Allow","Action":"releases:list","Resource":"*","Condition":{},"effect":"Deny"}"""));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains("\"Condition\"", error.Reason);
        Assert.Contains("\"effect\"", error.Reason);
    }

    [Fact]
    public void Repeated_property_is_rejected()
    {
        var error = SingleError(Document(
            """{"Effect":"Allow","Effect":"Deny","Action":"releases:list","Resource":"*"}"""));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains("\"Effect\"", error.Reason);
        Assert.Contains("more than once", error.Reason);
    }

    [Fact]
    public void Sid_must_be_a_string()
    {
        var error = SingleError(Document("""{"Sid":5,"Effect":"Allow","Action":"releases:list","Resource":"*"}"""));

        Assert.Equal(0, error.StatementIndex);
        Assert.Contains("Sid", error.Reason);
    }

    [Fact]
    public void A_statement_must_be_an_object()
    {
        var error = SingleError(Document(Statement(), "\"Allow\""));

        Assert.Equal(1, error.StatementIndex);
        Assert.Contains("JSON object", error.Reason);
    }

    [Fact]
    public void Errors_of_every_statement_are_collected()
    {
        var parse = PolicyDocument.Parse(Document(
            Statement(effect: "\"allow\""),
            Statement(),
            Statement(action: "[\"nope:nope\", \"rockets:*\"]", resource: "\"x\"")));

        Assert.False(parse.Succeeded);
        Assert.Equal([0, 2, 2, 2], parse.Errors.Select(e => e.StatementIndex));
        Assert.Contains("\"nope:nope\"", parse.Errors[1].Reason);
        Assert.Contains("\"rockets:*\"", parse.Errors[2].Reason);
    }

    [Fact]
    public void At_most_100_statements()
    {
        Assert.True(PolicyDocument.Parse(Document(Enumerable.Repeat(Statement(), 100).ToArray())).Succeeded);

        var error = SingleError(Document(Enumerable.Repeat(Statement(), 101).ToArray()));

        Assert.Null(error.StatementIndex);
        Assert.Contains("101", error.Reason);
        Assert.Contains("at most 100", error.Reason);
    }

    [Fact]
    public void At_most_100_actions_per_statement()
    {
        static string Actions(int count) =>
            "[" + string.Join(",", Enumerable.Repeat("\"releases:list\"", count)) + "]";
        Assert.True(PolicyDocument.Parse(Document(Statement(action: Actions(100)))).Succeeded);

        var error = SingleError(Document(Statement(), Statement(action: Actions(101))));

        Assert.Equal(1, error.StatementIndex);
        Assert.Contains("at most 100", error.Reason);
    }

    [Fact]
    public void Error_text_names_the_statement()
    {
        Assert.Equal("Statement[3]: bad", new PolicyDocumentError(3, "bad").ToString());
        Assert.Equal("bad", new PolicyDocumentError(null, "bad").ToString());
    }
}
