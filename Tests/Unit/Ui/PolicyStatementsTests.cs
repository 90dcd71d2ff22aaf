using System.Text.Json;
using Planekeeper.WebFrontend.Pages.Roles;

namespace Planekeeper.Tests.Unit.Ui;

/// <summary>The policy editor's <em>Add a statement</em>.</summary>
public class PolicyStatementsTests
{
    [Fact]
    public void A_statement_is_appended_after_those_already_written()
    {
        var (policy, problem) = PolicyStatements.Append(
            """{"Statement": [{"Effect": "Allow", "Action": ["gather-jobs:*"], "Resource": "*"}]}""", "Deny", " gather-jobs:delete ");

        Assert.Null(problem);
        var statements = JsonDocument.Parse(policy!).RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(2, statements.Count);
        Assert.Equal("""{"Effect":"Deny","Action":["gather-jobs:delete"],"Resource":"*"}""", JsonSerializer.Serialize(statements[1]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public void An_empty_policy_gets_its_first_statement(string policy)
    {
        var (result, _) = PolicyStatements.Append(policy, "Allow", "*");

        Assert.Equal("*", JsonDocument.Parse(result!).RootElement.GetProperty("Statement")[0].GetProperty("Action")[0].GetString());
    }

    [Theory]
    [InlineData("{\"Statement\": [", "Allow", "x:y", "not a JSON object")]
    [InlineData("[]", "Allow", "x:y", "not a JSON object")]
    [InlineData("{\"Statement\": 3}", "Allow", "x:y", "Statement is not a list")]
    [InlineData("{}", "Maybe", "x:y", "Allow or Deny")]
    [InlineData("{}", "Allow", " ", "name an action")]
    public void What_cannot_be_added_to_says_why(string policy, string effect, string action, string reason)
    {
        var (result, problem) = PolicyStatements.Append(policy, effect, action);

        Assert.Null(result);
        Assert.Contains(reason, problem);
    }
}
