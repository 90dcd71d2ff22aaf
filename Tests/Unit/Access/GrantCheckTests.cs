using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class GrantCheckTests
{
    private const string Org = "org:2";
    private const string Granter = "user:1";
    private const string Grantee = "user:2";

    private static PolicyRule Allow(string role, string action) => Rule(role, action, PolicyEffect.Allow);

    private static PolicyRule Deny(string role, string action) => Rule(role, action, PolicyEffect.Deny);

    private static PolicyRule Rule(string role, string action, PolicyEffect effect)
    {
        var (@object, verb) = ActionCatalogue.Split(action);
        return new PolicyRule(role, Org, @object, verb, effect);
    }

    private static PolicyModel Model(IEnumerable<PolicyRule> customRules, params (string Subject, string Role)[] assignments) =>
        new(BuiltInRoles.Rules.Concat(customRules), assignments.Select(a => new RoleAssignment(a.Subject, a.Role, Org)), []);

    /// <summary>Granter gives grantee (who holds <paramref name="granteeBefore"/>) the role <paramref name="given"/>.</summary>
    private static GrantVerdict Assign(PolicyRule[] rules, string[] granterRoles, string[] granteeBefore, string given)
    {
        var before = granterRoles.Select(r => (Granter, r)).Concat(granteeBefore.Select(r => (Grantee, r))).ToArray();
        var after = before.Append((Grantee, given)).ToArray();
        return GrantCheck.Check(Model(rules, before), Model(rules, after), Org, Granter, [Grantee], [given]);
    }

    [Theory]
    [InlineData("owner", "owner", true)]
    [InlineData("owner", "admin", true)]
    [InlineData("admin", "admin", true)]
    [InlineData("admin", "member", true)]
    [InlineData("admin", "viewer", true)]
    [InlineData("member", "viewer", true)]
    [InlineData("member", "admin", false)]
    [InlineData("viewer", "member", false)]
    public void A_built_in_role_can_be_given_by_whoever_holds_at_least_as_much(string granter, string given, bool allowed)
    {
        Assert.Equal(allowed, Assign([], [granter], [], given).Allowed);
    }

    [Fact]
    public void The_verdict_names_every_action_the_granter_lacks()
    {
        var verdict = Assign([], ["viewer"], [], "member");

        Assert.False(verdict.NeedsOwner);
        Assert.Equal(BuiltInRoles.RulesOf("member").Count - BuiltInRoles.RulesOf("viewer").Count, verdict.MissingActions.Count);
        Assert.Contains("gather-jobs:run", verdict.MissingActions);
        Assert.DoesNotContain("gather-jobs:list", verdict.MissingActions);
        Assert.Contains("gather-jobs:run", verdict.Explanation());
    }

    [Fact]
    public void Owner_is_given_only_by_an_owner_even_when_the_actions_are_covered()
    {
        // An admin who also holds a custom "everything" role holds every action, but still is not an owner.
        var everything = Allow("everything", "*");

        var byAdmin = Assign([everything], ["admin", "everything"], [], "owner");
        Assert.True(byAdmin.NeedsOwner);
        Assert.Empty(byAdmin.MissingActions);
        Assert.Contains("owner", byAdmin.Explanation());

        Assert.True(Assign([], ["owner"], [], "owner").Allowed);
    }

    [Fact]
    public void Taking_owner_away_needs_an_owner()
    {
        var before = Model([], (Granter, "admin"), (Grantee, "owner"));
        var after = Model([], (Granter, "admin"), (Grantee, "admin"));

        Assert.True(GrantCheck.Check(before, after, Org, Granter, [Grantee], ["admin"]).NeedsOwner);
    }

    [Fact]
    public void A_wildcard_grants_every_action_it_covers()
    {
        var releases = Allow("releases-all", "releases:*");

        var verdict = Assign([releases], ["viewer"], [], "releases-all");

        Assert.Equal(["releases:delete"], verdict.MissingActions);
    }

    [Fact]
    public void A_deny_held_by_the_granter_takes_the_action_out_of_what_they_hold()
    {
        var noRemove = Deny("no-remove", "members:remove");

        var verdict = Assign([noRemove], ["admin", "no-remove"], [], "admin");

        Assert.Equal(["members:remove"], verdict.MissingActions);
    }

    [Fact]
    public void A_deny_in_the_given_role_takes_the_action_out_of_what_it_gives()
    {
        var almostAdmin = new[] { Allow("almost-admin", "*"), Deny("almost-admin", "organizations:update") };

        Assert.True(Assign(almostAdmin, ["admin"], [], "almost-admin").Allowed);
    }

    [Fact]
    public void Roles_given_together_are_judged_together()
    {
        // The same roles as the granter's, given at once: deny wins across them, as it does for the granter.
        var rules = new[] { Deny("no-remove", "members:remove") };
        var before = Model(rules, (Granter, "admin"), (Granter, "no-remove"));
        var after = Model(rules, (Granter, "admin"), (Granter, "no-remove"), ("apikey:9", "admin"), ("apikey:9", "no-remove"));

        Assert.True(GrantCheck.Check(before, after, Org, Granter, ["apikey:9"], ["admin", "no-remove"]).Allowed);
        Assert.False(GrantCheck.Check(before, Model(rules, (Granter, "admin"), (Granter, "no-remove"), ("apikey:9", "admin")), Org, Granter, ["apikey:9"], ["admin"]).Allowed);
    }

    [Fact]
    public void Taking_away_a_role_that_denies_gives_the_action_back_and_is_judged_as_giving()
    {
        var rules = new[] { Deny("no-remove", "members:remove") };
        var before = Model(rules, (Granter, "admin"), (Granter, "no-remove"), (Grantee, "admin"), (Grantee, "no-remove"));
        var after = Model(rules, (Granter, "admin"), (Granter, "no-remove"), (Grantee, "admin"));

        Assert.Equal(["members:remove"], GrantCheck.Check(before, after, Org, Granter, [Grantee], []).MissingActions);
    }

    [Fact]
    public void Editing_a_role_is_judged_by_what_it_gives_and_what_its_holders_gain()
    {
        var before = Model([Allow("helper", "releases:list"), Deny("helper", "alerts:resolve")], (Granter, "member"), (Grantee, "admin"), (Grantee, "helper"));

        var widened = Model([Allow("helper", "releases:*")], (Granter, "member"), (Grantee, "admin"), (Grantee, "helper"));
        var verdict = GrantCheck.Check(before, widened, Org, Granter, [Grantee], ["helper"]);

        // releases:delete through the role itself; alerts:resolve because the holder's admin role is no longer denied it.
        Assert.Equal(["alerts:resolve", "releases:delete"], verdict.MissingActions);
    }

    [Fact]
    public void What_the_granter_holds_is_read_before_the_change()
    {
        // Giving yourself a role does not vouch for itself.
        var before = Model([], (Granter, "member"));
        var after = Model([], (Granter, "member"), (Granter, "admin"));

        Assert.False(GrantCheck.Check(before, after, Org, Granter, [Granter], ["admin"]).Allowed);
    }

    [Fact]
    public void Someone_without_roles_grants_nothing()
    {
        Assert.False(Assign([], [], [], "viewer").Allowed);
    }
}
