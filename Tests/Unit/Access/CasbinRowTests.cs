using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class CasbinRowTests
{
    [Theory]
    [InlineData(PolicyEffect.Allow, "allow")]
    [InlineData(PolicyEffect.Deny, "deny")]
    public void Policy_rule_round_trips_as_a_p_row(PolicyEffect effect, string effectName)
    {
        var rule = new PolicyRule("admin", "*", "gather-*", "list", effect);

        var row = CasbinRow.From(rule);

        Assert.Equal(new CasbinRow("p", "admin", "*", "gather-*", "list", effectName), row);
        Assert.Null(row.V5);
        Assert.Equal(rule, row.ToPolicyRule());
    }

    [Fact]
    public void Role_assignment_round_trips_as_a_g_row()
    {
        var assignment = new RoleAssignment("user:6", "member", "org:2");

        var row = CasbinRow.From(assignment);

        Assert.Equal(new CasbinRow("g", "user:6", "member", "org:2"), row);
        Assert.Equal(assignment, row.ToRoleAssignment());
    }

    [Fact]
    public void Superadmin_round_trips_as_a_g2_row()
    {
        var row = CasbinRow.SuperAdmin("user:1");

        Assert.Equal(new CasbinRow("g2", "user:1", "superadmin"), row);
        Assert.Equal("user:1", row.ToSuperAdminSubject());
    }

    [Theory]
    [InlineData("Allow")]
    [InlineData("DENY")]
    [InlineData("permit")]
    [InlineData("")]
    public void Unknown_effect_throws_a_format_exception_naming_it(string effect)
    {
        var row = new CasbinRow("p", "r", "*", "*", "*", effect);

        var error = Assert.Throws<FormatException>(() => row.ToPolicyRule());
        Assert.Contains($"'{effect}'", error.Message);
    }

    [Fact]
    public void Converting_a_row_of_another_ptype_throws()
    {
        var g = new CasbinRow("g", "user:6", "member", "org:2");
        var p = new CasbinRow("p", "r", "*", "*", "*", "allow");

        Assert.Contains("expected 'p'", Assert.Throws<FormatException>(() => g.ToPolicyRule()).Message);
        Assert.Contains("expected 'g'", Assert.Throws<FormatException>(() => p.ToRoleAssignment()).Message);
        Assert.Contains("expected 'g2'", Assert.Throws<FormatException>(() => g.ToSuperAdminSubject()).Message);
    }

    [Fact]
    public void A_g2_row_for_another_role_throws()
    {
        var error = Assert.Throws<FormatException>(() => new CasbinRow("g2", "user:1", "admin").ToSuperAdminSubject());

        Assert.Contains("'admin'", error.Message);
    }

    [Fact]
    public void A_missing_value_throws()
    {
        var error = Assert.Throws<FormatException>(() => new CasbinRow("g", "user:6", "member").ToRoleAssignment());

        Assert.Contains("v2", error.Message);
    }

    [Fact]
    public void Unknown_ptype_throws_when_building_a_model()
    {
        var error = Assert.Throws<FormatException>(() => CasbinRows.ToModel([new CasbinRow("g3", "a", "b")]));

        Assert.Contains("'g3'", error.Message);
    }

    [Fact]
    public void A_model_round_trips_through_rows()
    {
        var rules = new[]
        {
            new PolicyRule("editor", "*", "gather-jobs", "*", PolicyEffect.Allow),
            new PolicyRule("no-delete", "*", "*", "delete", PolicyEffect.Deny),
        };
        var assignments = new[]
        {
            new RoleAssignment("user:6", "editor", "org:2"),
            new RoleAssignment("user:6", "no-delete", "org:2"),
            new RoleAssignment("apikey:7", "editor", "org:3"),
        };

        var rows = CasbinRows.From(rules, assignments, ["user:1"]).ToArray();
        var model = CasbinRows.ToModel(rows);

        Assert.Equal(6, rows.Length);
        Assert.Equal(rules, rows.Where(r => r.PType == "p").Select(r => r.ToPolicyRule()));
        Assert.Equal(assignments, rows.Where(r => r.PType == "g").Select(r => r.ToRoleAssignment()));
        Assert.True(model.IsSuperAdmin("user:1"));
        Assert.Equal(
            ["gather-jobs:create", "gather-jobs:list", "gather-jobs:read", "gather-jobs:run", "gather-jobs:update"],
            model.AllowedActions("user:6", "org:2"));
        Assert.Contains("gather-jobs:delete", model.AllowedActions("apikey:7", "org:3"));
    }
}
