using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class BuiltInRolesTests
{
    private const string Org = "org:2";
    private const string OtherOrg = "org:3";

    private static readonly PolicyModel Model = new(
        BuiltInRoles.Rules,
        BuiltInRoles.Keys.Select(role => new RoleAssignment(SubjectWith(role), role, Org)),
        []);

    private static string SubjectWith(string role) => "user:" + role;

    private static bool Can(string role, string catalogueAction, string domain = Org)
    {
        var (@object, action) = ActionCatalogue.Split(catalogueAction);
        return Model.Decide(new PermissionRequest(SubjectWith(role), domain, @object, action)).Allowed;
    }

    [Theory]
    [InlineData("owner", true)]
    [InlineData("admin", true)]
    [InlineData("member", true)]
    [InlineData("viewer", true)]
    [InlineData("Owner", false)]
    [InlineData("superadmin", false)]
    [InlineData("", false)]
    public void IsBuiltIn(string key, bool expected)
    {
        Assert.Equal(expected, BuiltInRoles.IsBuiltIn(key));
    }

    [Fact]
    public void Built_in_rules_apply_in_every_organization_and_only_allow()
    {
        Assert.All(BuiltInRoles.Rules, r => Assert.Equal("*", r.Domain));
        Assert.All(BuiltInRoles.Rules, r => Assert.Equal(PolicyEffect.Allow, r.Effect));
        Assert.Equal(BuiltInRoles.Keys.Order(), BuiltInRoles.Rules.Select(r => r.Role).Distinct().Order());
    }

    [Fact]
    public void Owner_is_a_single_allow_everything_rule()
    {
        Assert.Equal([new PolicyRule("owner", "*", "*", "*", PolicyEffect.Allow)], BuiltInRoles.RulesOf("owner"));
    }

    [Fact]
    public void Member_and_viewer_rules_are_explicit_catalogue_actions()
    {
        var rules = BuiltInRoles.RulesOf("member").Concat(BuiltInRoles.RulesOf("viewer")).ToArray();

        Assert.All(rules, r => Assert.False(WildcardPattern.HasWildcard(r.Object + r.Action)));
        Assert.All(rules, r => Assert.True(ActionCatalogue.IsKnown(ActionCatalogue.Join(r.Object, r.Action))));
    }

    [Fact]
    public void Owner_can_do_every_catalogue_action()
    {
        Assert.All(ActionCatalogue.All, action => Assert.True(Can("owner", action), action));
        Assert.Equal(ActionCatalogue.All.Order(StringComparer.Ordinal), Model.AllowedActions(SubjectWith("owner"), Org));
    }

    [Theory]
    [InlineData("owner", "roles:assign", true)]
    [InlineData("owner", "organizations:update", true)]
    [InlineData("admin", "organizations:update", false)]
    [InlineData("admin", "organizations:read", true)]
    [InlineData("admin", "api-keys:create", true)]
    [InlineData("admin", "roles:assign", true)]
    [InlineData("admin", "audit-log:list", true)]
    [InlineData("member", "gather-jobs:run", true)]
    [InlineData("member", "alerts:acknowledge", true)]
    [InlineData("member", "alerts:unacknowledge", true)]
    [InlineData("member", "scrape-jobs:set-version", true)]
    [InlineData("member", "permissions:explain", true)]
    [InlineData("member", "gather-jobs:create", false)]
    [InlineData("member", "audit-log:list", false)]
    [InlineData("member", "api-keys:list", false)]
    [InlineData("member", "api-keys:read", false)]
    [InlineData("member", "alerts:resolve", false)]
    [InlineData("member", "roles:list", true)]
    [InlineData("member", "settings:read", true)]
    [InlineData("member", "settings:update", false)]
    [InlineData("viewer", "gather-jobs:list", true)]
    [InlineData("viewer", "releases:read", true)]
    [InlineData("viewer", "gather-jobs:run", false)]
    [InlineData("viewer", "alerts:acknowledge", false)]
    [InlineData("viewer", "permissions:explain", false)]
    [InlineData("viewer", "audit-log:list", false)]
    [InlineData("viewer", "api-keys:read", false)]
    public void Built_in_role_permissions(string role, string action, bool expected)
    {
        Assert.Equal(expected, Can(role, action));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("admin")]
    [InlineData("member")]
    [InlineData("viewer")]
    public void Built_in_roles_grant_nothing_in_an_organization_where_they_are_not_held(string role)
    {
        Assert.Empty(Model.AllowedActions(SubjectWith(role), OtherOrg));
    }

    [Fact]
    public void Admin_allowed_actions_are_the_catalogue_minus_organizations_update()
    {
        var expected = ActionCatalogue.All.Where(a => a != "organizations:update").Order(StringComparer.Ordinal);

        Assert.Equal(expected, Model.AllowedActions(SubjectWith("admin"), Org));
    }

    [Fact]
    public void Viewer_allowed_actions_are_list_and_read_minus_the_sensitive_ones()
    {
        var allowed = Model.AllowedActions(SubjectWith("viewer"), Org);

        Assert.All(allowed, a => Assert.Contains(ActionCatalogue.Split(a).Action, new[] { "list", "read" }));
        Assert.DoesNotContain("audit-log:list", allowed);
        Assert.DoesNotContain("api-keys:list", allowed);
        Assert.DoesNotContain("api-keys:read", allowed);
        Assert.Contains("organizations:read", allowed);
        Assert.Contains("notification-deliveries:list", allowed);
        Assert.Equal(ActionCatalogue.All.Count(a => ActionCatalogue.Split(a).Action is "list" or "read") - 3, allowed.Count);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), allowed);
    }

    [Fact]
    public void Member_allowed_actions_are_viewer_plus_the_operations()
    {
        var viewer = Model.AllowedActions(SubjectWith("viewer"), Org);
        var member = Model.AllowedActions(SubjectWith("member"), Org);

        string[] operations =
        [
            "alerts:acknowledge", "alerts:unacknowledge", "gather-jobs:run", "helm-sync-jobs:run",
            "monitoring-rules:evaluate", "notification-rules:simulate", "notification-templates:preview",
            "permissions:explain", "scrape-jobs:run", "scrape-jobs:set-version",
        ];
        Assert.Equal(viewer.Concat(operations).Order(StringComparer.Ordinal), member);
    }

    [Fact]
    public void Holding_admin_and_owner_keeps_organizations_update()
    {
        var model = new PolicyModel(
            BuiltInRoles.Rules,
            [new RoleAssignment("user:1", "admin", Org), new RoleAssignment("user:1", "owner", Org)],
            []);

        var decision = model.Decide(new PermissionRequest("user:1", Org, "organizations", "update"));

        Assert.True(decision.Allowed);
        Assert.Equal(["admin", "owner"], decision.Roles);
    }
}
