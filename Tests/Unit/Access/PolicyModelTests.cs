using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class PolicyModelTests
{
    private const string Alice = "user:6";
    private const string Bot = "apikey:7";
    private const string Org2 = "org:2";
    private const string Org3 = "org:3";

    private static PolicyRule Allow(string role, string @object, string action, string domain = "*") =>
        new(role, domain, @object, action, PolicyEffect.Allow);

    private static PolicyRule Deny(string role, string @object, string action, string domain = "*") =>
        new(role, domain, @object, action, PolicyEffect.Deny);

    private static PolicyModel Model(
        IEnumerable<PolicyRule> rules, IEnumerable<RoleAssignment> assignments, params string[] superAdmins) =>
        new(rules, assignments, superAdmins);

    private static PermissionDecision Decide(PolicyModel model, string subject, string domain, string @object, string action) =>
        model.Decide(new PermissionRequest(subject, domain, @object, action));

    [Theory]
    [InlineData("*", "*", "gather-jobs", "list", true)]
    [InlineData("gather-jobs", "list", "gather-jobs", "list", true)]
    [InlineData("gather-jobs", "list", "gather-jobs", "read", false)]
    [InlineData("gather-jobs", "list", "scrape-jobs", "list", false)]
    [InlineData("gather-*", "*", "gather-jobs", "delete", true)]
    [InlineData("gather-*", "*", "scrape-jobs", "delete", false)]
    [InlineData("*-jobs", "run", "helm-sync-jobs", "run", true)]
    [InlineData("*-jobs", "run", "releases", "run", false)]
    [InlineData("*", "list", "audit-log", "list", true)]
    [InlineData("*", "list", "audit-log", "read", false)]
    [InlineData("gather", "list", "gather-jobs", "list", false)]
    [InlineData("gather-jobs", "li", "gather-jobs", "list", false)]
    [InlineData("Gather-Jobs", "list", "gather-jobs", "list", false)]
    public void Rule_object_and_action_are_wildcard_patterns(
        string objectPattern, string actionPattern, string @object, string action, bool expected)
    {
        var model = Model([Allow("r", objectPattern, actionPattern)], [new(Alice, "r", Org2)]);

        Assert.Equal(expected, Decide(model, Alice, Org2, @object, action).Allowed);
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("org:*", true)]
    [InlineData("org:2", true)]
    [InlineData("org:3", false)]
    [InlineData("org:2*", true)]
    [InlineData("org", false)]
    public void Rule_domain_is_a_wildcard_pattern(string domainPattern, bool expected)
    {
        var model = Model([Allow("r", "*", "*", domainPattern)], [new(Alice, "r", Org2)]);

        Assert.Equal(expected, Decide(model, Alice, Org2, "releases", "list").Allowed);
    }

    [Fact]
    public void Allowed_decision_lists_the_roles_and_the_allowing_rule()
    {
        var rule = Allow("r", "gather-jobs", "list");
        var model = Model([rule, Allow("r", "releases", "list")], [new(Alice, "r", Org2)]);

        var decision = Decide(model, Alice, Org2, "gather-jobs", "list");

        Assert.True(decision.Allowed);
        Assert.False(decision.BySuperAdmin);
        Assert.Equal(["r"], decision.Roles);
        Assert.Equal([rule], decision.Allowing);
        Assert.Empty(decision.Denying);
    }

    [Fact]
    public void Roles_are_a_union()
    {
        var jobs = Allow("jobs", "gather-jobs", "*");
        var alerts = Allow("alerts", "alerts", "*");
        var model = Model([jobs, alerts], [new(Alice, "jobs", Org2), new(Alice, "alerts", Org2)]);

        var job = Decide(model, Alice, Org2, "gather-jobs", "run");
        var alert = Decide(model, Alice, Org2, "alerts", "resolve");

        Assert.True(job.Allowed);
        Assert.Equal([jobs], job.Allowing);
        Assert.True(alert.Allowed);
        Assert.Equal([alerts], alert.Allowing);
        Assert.Equal(["alerts", "jobs"], alert.Roles);
        Assert.False(Decide(model, Alice, Org2, "releases", "list").Allowed);
    }

    [Fact]
    public void Every_allowing_rule_of_every_role_is_reported()
    {
        var first = Allow("a", "gather-jobs", "*");
        var second = Allow("b", "*", "list");
        var model = Model([first, second], [new(Alice, "a", Org2), new(Alice, "b", Org2)]);

        var decision = Decide(model, Alice, Org2, "gather-jobs", "list");

        Assert.True(decision.Allowed);
        Assert.Equal([first, second], decision.Allowing);
    }

    [Fact]
    public void Deny_wins_across_roles_and_both_rules_are_listed()
    {
        var allow = Allow("editor", "gather-jobs", "*");
        var deny = Deny("no-delete", "*", "delete");
        var model = Model([allow, deny], [new(Alice, "editor", Org2), new(Alice, "no-delete", Org2)]);

        var decision = Decide(model, Alice, Org2, "gather-jobs", "delete");

        Assert.False(decision.Allowed);
        Assert.False(decision.BySuperAdmin);
        Assert.Equal(["editor", "no-delete"], decision.Roles);
        Assert.Equal([allow], decision.Allowing);
        Assert.Equal([deny], decision.Denying);
        Assert.True(Decide(model, Alice, Org2, "gather-jobs", "update").Allowed);
    }

    [Fact]
    public void Deny_wins_within_one_role()
    {
        var model = Model(
            [Allow("r", "releases", "*"), Deny("r", "releases", "delete")],
            [new(Alice, "r", Org2)]);

        Assert.False(Decide(model, Alice, Org2, "releases", "delete").Allowed);
        Assert.True(Decide(model, Alice, Org2, "releases", "read").Allowed);
    }

    [Fact]
    public void Deny_alone_is_denied()
    {
        var deny = Deny("r", "*", "*");
        var model = Model([deny], [new(Alice, "r", Org2)]);

        var decision = Decide(model, Alice, Org2, "releases", "list");

        Assert.False(decision.Allowed);
        Assert.Empty(decision.Allowing);
        Assert.Equal([deny], decision.Denying);
    }

    [Fact]
    public void Deny_of_a_role_held_in_another_domain_does_not_apply()
    {
        var model = Model(
            [Allow("editor", "*", "*"), Deny("locked", "*", "*")],
            [new(Alice, "editor", Org2), new(Alice, "locked", Org3)]);

        Assert.True(Decide(model, Alice, Org2, "releases", "delete").Allowed);
        Assert.False(Decide(model, Alice, Org3, "releases", "delete").Allowed);
    }

    [Fact]
    public void Rules_of_roles_the_subject_does_not_hold_do_not_count()
    {
        var model = Model([Allow("admin", "*", "*"), Deny("banned", "*", "*")], [new(Alice, "viewer", Org2)]);

        var decision = Decide(model, Alice, Org2, "releases", "list");

        Assert.False(decision.Allowed);
        Assert.Equal(["viewer"], decision.Roles);
        Assert.Empty(decision.Allowing);
        Assert.Empty(decision.Denying);
    }

    [Fact]
    public void A_role_in_one_organization_grants_nothing_in_another()
    {
        var model = Model([Allow("admin", "*", "*")], [new(Alice, "admin", Org2)]);

        var elsewhere = Decide(model, Alice, Org3, "releases", "list");

        Assert.True(Decide(model, Alice, Org2, "releases", "list").Allowed);
        Assert.False(elsewhere.Allowed);
        Assert.Empty(elsewhere.Roles);
        Assert.Empty(elsewhere.Allowing);
        Assert.Equal(["admin"], model.RolesOf(Alice, Org2));
        Assert.Empty(model.RolesOf(Alice, Org3));
    }

    [Fact]
    public void A_rule_scoped_to_one_domain_does_not_apply_in_another_even_with_the_role()
    {
        var model = Model([Allow("r", "*", "*", Org2)], [new(Alice, "r", Org2), new(Alice, "r", Org3)]);

        Assert.True(Decide(model, Alice, Org2, "releases", "list").Allowed);
        Assert.False(Decide(model, Alice, Org3, "releases", "list").Allowed);
    }

    [Fact]
    public void No_roles_is_denied_with_empty_lists()
    {
        var model = Model([Allow("admin", "*", "*")], []);

        var decision = Decide(model, Alice, Org2, "releases", "list");

        Assert.False(decision.Allowed);
        Assert.False(decision.BySuperAdmin);
        Assert.Empty(decision.Roles);
        Assert.Empty(decision.Allowing);
        Assert.Empty(decision.Denying);
    }

    [Fact]
    public void An_empty_model_denies()
    {
        var decision = Decide(Model([], []), Alice, Org2, "releases", "list");

        Assert.False(decision.Allowed);
        Assert.Empty(decision.Roles);
    }

    [Fact]
    public void Assignments_are_per_subject()
    {
        var model = Model([Allow("admin", "*", "*")], [new(Alice, "admin", Org2)]);

        Assert.False(Decide(model, Bot, Org2, "releases", "list").Allowed);
        Assert.False(Decide(model, "user:66", Org2, "releases", "list").Allowed);
    }

    [Fact]
    public void Api_keys_are_subjects_like_users()
    {
        var model = Model([Allow("reader", "releases", "list")], [new(Bot, "reader", Org2)]);

        Assert.True(Decide(model, Bot, Org2, "releases", "list").Allowed);
        Assert.False(Decide(model, Bot, Org2, "releases", "delete").Allowed);
    }

    [Theory]
    [InlineData("org:2")]
    [InlineData("org:3")]
    [InlineData("org:999")]
    public void Superadmin_is_allowed_anywhere_even_without_a_role(string domain)
    {
        var model = Model([], [], Alice);

        var decision = Decide(model, Alice, domain, "organizations", "update");

        Assert.True(decision.Allowed);
        Assert.True(decision.BySuperAdmin);
        Assert.Empty(decision.Roles);
        Assert.Empty(decision.Allowing);
        Assert.Empty(decision.Denying);
    }

    [Fact]
    public void Superadmin_bypasses_deny_and_the_deny_is_still_reported()
    {
        var deny = Deny("locked", "*", "*");
        var model = Model([deny], [new(Alice, "locked", Org2)], Alice);

        var decision = Decide(model, Alice, Org2, "releases", "delete");

        Assert.True(decision.Allowed);
        Assert.True(decision.BySuperAdmin);
        Assert.Equal(["locked"], decision.Roles);
        Assert.Equal([deny], decision.Denying);
    }

    [Fact]
    public void Superadmin_is_per_subject()
    {
        var model = Model([], [], Alice);

        Assert.True(model.IsSuperAdmin(Alice));
        Assert.False(model.IsSuperAdmin(Bot));
        Assert.False(Decide(model, Bot, Org2, "releases", "list").Allowed);
    }

    [Fact]
    public void RolesOf_is_sorted_and_distinct()
    {
        var model = Model([], [new(Alice, "viewer", Org2), new(Alice, "admin", Org2), new(Alice, "viewer", Org2)]);

        Assert.Equal(["admin", "viewer"], model.RolesOf(Alice, Org2));
    }

    [Fact]
    public void Duplicate_rules_are_reported_once()
    {
        var rule = Allow("r", "*", "*");
        var model = Model([rule, rule with { }], [new(Alice, "r", Org2)]);

        Assert.Equal([rule], Decide(model, Alice, Org2, "releases", "list").Allowing);
    }

    [Fact]
    public void The_model_is_a_snapshot_of_its_inputs()
    {
        var rules = new List<PolicyRule> { Allow("r", "*", "*") };
        var assignments = new List<RoleAssignment> { new(Alice, "r", Org2) };
        var model = Model(rules, assignments);

        rules.Clear();
        assignments.Clear();

        Assert.True(Decide(model, Alice, Org2, "releases", "list").Allowed);
    }

    [Fact]
    public void AllowedActions_lists_catalogue_actions_sorted()
    {
        var model = Model(
            [Allow("r", "releases", "*"), Allow("r", "*", "explain"), Deny("r", "releases", "delete")],
            [new(Alice, "r", Org2)]);

        Assert.Equal(["permissions:explain", "releases:list", "releases:read"], model.AllowedActions(Alice, Org2));
        Assert.Empty(model.AllowedActions(Alice, Org3));
    }

    [Fact]
    public void AllowedActions_of_a_superadmin_is_the_whole_catalogue()
    {
        var model = Model([], [], Alice);

        Assert.Equal(ActionCatalogue.All.Order(StringComparer.Ordinal), model.AllowedActions(Alice, Org3));
    }
}
