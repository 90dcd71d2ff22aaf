using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class PolicyDocumentTests
{
    private const string Json = """
        {"Statement":[
          {"Effect":"Allow","Action":["gather-jobs:list","releases:*","*:explain"],"Resource":"*"},
          {"Effect":"Deny","Action":"releases:delete","Resource":"*"},
          {"Effect":"Allow","Action":["alerts:acknowledge","gather-jobs:list"],"Resource":["*"]}
        ]}
        """;

    private static PolicyDocument Parse(string json)
    {
        var parse = PolicyDocument.Parse(json);
        Assert.True(parse.Succeeded, string.Join("; ", parse.Errors));
        return parse.Document;
    }

    private static HashSet<(PolicyEffect, string)> Grants(PolicyDocument document) =>
        document.Statements.SelectMany(s => s.Actions.Select(a => (s.Effect, a))).ToHashSet();

    [Fact]
    public void ToRules_makes_one_rule_per_action_entry()
    {
        var rules = Parse(Json).ToRules("custom:9", "org:2");

        Assert.Equal(
            [
                new PolicyRule("custom:9", "org:2", "gather-jobs", "list", PolicyEffect.Allow),
                new PolicyRule("custom:9", "org:2", "releases", "*", PolicyEffect.Allow),
                new PolicyRule("custom:9", "org:2", "*", "explain", PolicyEffect.Allow),
                new PolicyRule("custom:9", "org:2", "releases", "delete", PolicyEffect.Deny),
                new PolicyRule("custom:9", "org:2", "alerts", "acknowledge", PolicyEffect.Allow),
                new PolicyRule("custom:9", "org:2", "gather-jobs", "list", PolicyEffect.Allow),
            ],
            rules);
    }

    [Fact]
    public void Star_becomes_object_star_and_action_star()
    {
        var rules = Parse("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""").ToRules("r", "*");

        Assert.Equal([new PolicyRule("r", "*", "*", "*", PolicyEffect.Allow)], rules);
    }

    [Fact]
    public void FromRules_groups_by_effect_with_allow_first()
    {
        var document = PolicyDocument.FromRules(
        [
            new PolicyRule("r", "org:2", "releases", "delete", PolicyEffect.Deny),
            new PolicyRule("r", "org:2", "releases", "*", PolicyEffect.Allow),
            new PolicyRule("r", "org:2", "*", "*", PolicyEffect.Allow),
            new PolicyRule("r", "org:2", "*", "list", PolicyEffect.Deny),
        ]);

        Assert.Equal(2, document.Statements.Count);
        Assert.Equal(PolicyEffect.Allow, document.Statements[0].Effect);
        Assert.Equal(["releases:*", "*"], document.Statements[0].Actions);
        Assert.Equal(PolicyEffect.Deny, document.Statements[1].Effect);
        Assert.Equal(["releases:delete", "*:list"], document.Statements[1].Actions);
    }

    [Fact]
    public void FromRules_of_allow_only_rules_has_one_statement()
    {
        var document = PolicyDocument.FromRules(BuiltInRoles.RulesOf(BuiltInRoles.Viewer));

        var statement = Assert.Single(document.Statements);
        Assert.Equal(PolicyEffect.Allow, statement.Effect);
        Assert.Equal(BuiltInRoles.ReaderActions, statement.Actions);
    }

    [Fact]
    public void Round_trip_through_rules_keeps_every_effect_and_action()
    {
        var document = Parse(Json);

        var back = PolicyDocument.FromRules(document.ToRules("custom:9", "org:2"));

        Assert.Equal(Grants(document), Grants(back));
    }

    [Fact]
    public void Round_trip_through_json_keeps_every_effect_and_action()
    {
        var document = Parse(Json);

        var back = Parse(document.ToJson());

        Assert.Equal(Grants(document), Grants(back));
        Assert.Equal(document.Statements.Count, back.Statements.Count);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("admin")]
    [InlineData("member")]
    [InlineData("viewer")]
    public void Built_in_roles_round_trip_through_a_document(string role)
    {
        var rules = BuiltInRoles.RulesOf(role);

        var json = PolicyDocument.FromRules(rules).ToJson();
        var back = Parse(json).ToRules(role, "*");

        Assert.Equal(rules.ToHashSet(), back.ToHashSet());
    }

    [Fact]
    public void ToJson_writes_the_iam_shape()
    {
        var document = new PolicyDocument(
        [
            new PolicyStatement(PolicyEffect.Allow, ["gather-jobs:list", "releases:*"]),
            new PolicyStatement(PolicyEffect.Deny, ["*"]),
        ]);

        Assert.Equal(
            """{"Statement":[{"Effect":"Allow","Action":["gather-jobs:list","releases:*"],"Resource":"*"},{"Effect":"Deny","Action":["*"],"Resource":"*"}]}""",
            document.ToJson());
    }

    [Fact]
    public void Parsed_rules_decide_through_the_model()
    {
        var rules = Parse(Json).ToRules("custom:9", "org:2");
        var model = new PolicyModel(rules, [new RoleAssignment("user:6", "custom:9", "org:2")], []);

        Assert.Equal(
            ["alerts:acknowledge", "gather-jobs:list", "permissions:explain", "releases:list", "releases:read"],
            model.AllowedActions("user:6", "org:2"));
    }
}
