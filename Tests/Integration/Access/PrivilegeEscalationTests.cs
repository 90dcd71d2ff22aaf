using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// Nobody inside an organization grants what they do not hold (docs/permissions.md): every path is refused with 403
/// naming what is missing, and the database is exactly as before; an owner can do each of them.
/// </summary>
public class PrivilegeEscalationTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    /// <summary>Manages roles, keys and invites, but not members (no members:update, members:remove) and reads nothing else.</summary>
    private static readonly object RoleManager = Role("role-manager", ["roles:*", "api-keys:*", "invites:*", "members:list"]);

    private static object Role(string key, string[] allow, string[]? deny = null) => new
    {
        key,
        name = key,
        policy = new
        {
            Statement = new object[] { new { Effect = "Allow", Action = allow, Resource = "*" } }
                .Concat(deny is null ? [] : [new { Effect = "Deny", Action = deny, Resource = "*" }]).ToArray(),
        },
    };

    private async Task<(ApiClient Owner, long OrganizationId, ApiClient Manager, long ManagerId, long MemberId)> OrganizationAsync(string name)
    {
        var owner = system.Client();
        await owner.SignUpAsync($"owner-{name}@example.com");
        var organizationId = await owner.CreateOrganizationAsync(name);
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", RoleManager);
        var (manager, managerId) = await owner.AddMemberAsync($"manager-{name}@example.com", "role-manager");
        var (_, memberId) = await owner.AddMemberAsync($"member-{name}@example.com", "viewer");
        return (owner, organizationId, manager, managerId, memberId);
    }

    /// <summary>Every row a grant could write: roles, statements, assignments, keys, invites.</summary>
    private Task<string> SnapshotAsync(long organizationId) => system.ScalarAsync<string>($"""
        SELECT concat_ws(' | ',
            (SELECT string_agg(concat_ws(',', ptype, v0, v1, v2, v3, v4), ';' ORDER BY id) FROM casbin_rule WHERE v1 = 'org:{organizationId}' OR v2 = 'org:{organizationId}'),
            (SELECT string_agg(concat_ws(',', key, name, version), ';' ORDER BY key) FROM roles WHERE organization_id = {organizationId}),
            (SELECT string_agg(concat_ws(',', id, name, version), ';' ORDER BY id) FROM api_keys WHERE organization_id = {organizationId}),
            (SELECT count(*)::text FROM organization_invites WHERE organization_id = {organizationId}))
        """);

    /// <summary>Sends the request, expects 403 naming <paramref name="missing"/>, and that nothing changed.</summary>
    private async Task<JsonElement> RefusedAsync(ApiClient caller, long organizationId, HttpMethod method, string path, object body, params string[] missing)
    {
        var before = await SnapshotAsync(organizationId);
        var refused = await caller.ExpectAsync(HttpStatusCode.Forbidden, method, path, body);
        var named = refused.GetProperty("missing_actions").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.All(missing, action => Assert.Contains(action, named));
        Assert.All(missing, action => Assert.Contains(action, refused.GetProperty("detail").GetString()));
        Assert.Equal(before, await SnapshotAsync(organizationId));
        return refused;
    }

    [Fact]
    public async Task Api_keys_cannot_be_created_or_patched_with_roles_beyond_the_callers()
    {
        var (owner, organizationId, manager, _, _) = await OrganizationAsync("keys-escalation");

        await RefusedAsync(manager, organizationId, HttpMethod.Post, "/api/v1/api-keys", new { name = "ci", roles = new[] { "admin" } }, "members:remove");
        var (keyId, _) = await manager.CreateApiKeyAsync("ci", "role-manager");
        await RefusedAsync(manager, organizationId, HttpMethod.Patch, $"/api/v1/api-keys/{keyId}", new { roles = new[] { "admin" } }, "members:remove");
        await RefusedAsync(manager, organizationId, HttpMethod.Patch, $"/api/v1/api-keys/{keyId}", new { name = "renamed", roles = new[] { "role-manager", "member" } }, "gather-jobs:run");

        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "ops", roles = new[] { "owner" } });
        var patched = await owner.OkAsync(HttpMethod.Patch, $"/api/v1/api-keys/{keyId}", new { roles = new[] { "admin" } });
        Assert.Equal(["admin"], patched.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, $"/api/v1/api-keys/{keyId}", new { roles = new[] { "pilot" } });
    }

    [Fact]
    public async Task A_key_acts_within_its_own_roles_when_it_grants()
    {
        var (owner, organizationId, _, _, _) = await OrganizationAsync("key-grants");
        var (_, key) = await owner.CreateApiKeyAsync("automation", "role-manager");
        using var automation = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        await RefusedAsync(automation, organizationId, HttpMethod.Post, "/api/v1/api-keys", new { name = "wider", roles = new[] { "member" } }, "gather-jobs:run");
        await automation.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "same", roles = new[] { "role-manager" } });
    }

    [Fact]
    public async Task A_role_granting_more_than_the_caller_holds_cannot_be_assigned()
    {
        var (owner, organizationId, manager, managerId, memberId) = await OrganizationAsync("assign-escalation");

        await RefusedAsync(manager, organizationId, HttpMethod.Post, "/api/v1/roles/admin/assign", new { user_id = memberId }, "members:remove");
        await RefusedAsync(manager, organizationId, HttpMethod.Post, "/api/v1/roles/member/assign", new { user_id = managerId }, "gather-jobs:run");

        var assigned = await owner.OkAsync(HttpMethod.Post, "/api/v1/roles/admin/assign", new { user_id = memberId });
        Assert.Contains("admin", assigned.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Taking_away_a_role_with_a_deny_is_judged_as_giving_the_denied_action()
    {
        var (owner, organizationId, manager, _, memberId) = await OrganizationAsync("unassign-escalation");
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", Role("no-remove", ["members:list"], ["members:remove"]));
        await owner.OkAsync(HttpMethod.Put, $"/api/v1/members/{memberId}", new { role = "admin" });
        await owner.OkAsync(HttpMethod.Post, "/api/v1/roles/no-remove/assign", new { user_id = memberId });

        await RefusedAsync(manager, organizationId, HttpMethod.Delete, $"/api/v1/roles/no-remove/assign/{memberId}", new { }, "members:remove");
        await owner.OkAsync(HttpMethod.Delete, $"/api/v1/roles/no-remove/assign/{memberId}");
    }

    [Fact]
    public async Task A_member_cannot_be_given_a_higher_role()
    {
        var (owner, organizationId, _, _, memberId) = await OrganizationAsync("member-escalation");
        var (admin, _) = await owner.AddMemberAsync("admin-member-escalation@example.com", "admin");
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", Role("member-manager", ["members:*"]));
        var (memberManager, _) = await owner.AddMemberAsync("member-manager@example.com", "member-manager");

        await RefusedAsync(memberManager, organizationId, HttpMethod.Put, $"/api/v1/members/{memberId}", new { role = "member" }, "gather-jobs:run");
        await admin.OkAsync(HttpMethod.Put, $"/api/v1/members/{memberId}", new { role = "member" });
        await owner.OkAsync(HttpMethod.Put, $"/api/v1/members/{memberId}", new { role = "admin" });
    }

    [Fact]
    public async Task An_invite_cannot_carry_a_higher_role()
    {
        var (owner, organizationId, manager, _, _) = await OrganizationAsync("invite-escalation");

        await RefusedAsync(manager, organizationId, HttpMethod.Post, "/api/v1/invites", new { email = "climber@example.com", role = "admin" }, "members:remove");
        await manager.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "peer@example.com", role = "role-manager" });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "climber@example.com", role = "admin" });
    }

    [Fact]
    public async Task Custom_roles_cannot_be_created_or_edited_to_include_actions_the_caller_lacks()
    {
        var (owner, organizationId, manager, _, _) = await OrganizationAsync("role-escalation");

        await RefusedAsync(manager, organizationId, HttpMethod.Post, "/api/v1/roles", Role("wider", ["members:*"]), "members:remove", "members:update");
        await RefusedAsync(manager, organizationId, HttpMethod.Post, "/api/v1/roles", Role("wildcard", ["*"]), "organizations:update");
        // The role the manager holds, widened: the same rule as for any other role.
        await RefusedAsync(manager, organizationId, HttpMethod.Put, "/api/v1/roles/role-manager", Role("role-manager", ["roles:*", "api-keys:*", "invites:*", "members:*"]), "members:remove");

        await manager.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", Role("narrower", ["members:list", "invites:list"]));
        await manager.OkAsync(HttpMethod.Put, "/api/v1/roles/narrower", Role("narrower", ["members:list"]));
        await owner.OkAsync(HttpMethod.Put, "/api/v1/roles/role-manager", Role("role-manager", ["roles:*", "api-keys:*", "invites:*", "members:*"]));
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", Role("wildcard", ["*"]));
    }

    [Fact]
    public async Task Owner_is_granted_only_by_an_owner()
    {
        var (owner, organizationId, _, _, memberId) = await OrganizationAsync("owner-escalation");
        var (admin, adminId) = await owner.AddMemberAsync("admin-owner-escalation@example.com", "admin");
        // Every action of the catalogue, but still not the owner role.
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", Role("everything", ["*"]));
        await owner.OkAsync(HttpMethod.Post, "/api/v1/roles/everything/assign", new { user_id = adminId });

        foreach (var (method, path, body) in new (HttpMethod, string, object)[]
        {
            (HttpMethod.Put, $"/api/v1/members/{memberId}", new { role = "owner" }),
            (HttpMethod.Put, $"/api/v1/members/{adminId}", new { role = "owner" }),
            (HttpMethod.Post, "/api/v1/roles/owner/assign", new { user_id = memberId }),
            (HttpMethod.Post, "/api/v1/invites", new { email = "new-owner@example.com", role = "owner" }),
            (HttpMethod.Post, "/api/v1/api-keys", new { name = "root", roles = new[] { "owner" } }),
        })
        {
            var before = await SnapshotAsync(organizationId);
            var refused = await admin.ExpectAsync(HttpStatusCode.Forbidden, method, path, body);
            Assert.Equal("owner", refused.GetProperty("missing_role")[0].GetString());
            Assert.Equal(before, await SnapshotAsync(organizationId));
        }

        var (second, secondId) = await owner.AddMemberAsync("second-owner-escalation@example.com", "owner");
        await admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Delete, $"/api/v1/members/{secondId}");
        await admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"/api/v1/members/{secondId}", new { role = "viewer" });
        await owner.OkAsync(HttpMethod.Put, $"/api/v1/members/{memberId}", new { role = "owner" });
        await second.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/members/{memberId}");
    }

    [Fact]
    public async Task A_global_admin_is_not_bounded()
    {
        var (owner, organizationId, _, _, _) = await OrganizationAsync("global-admin-grants");
        using var root = await system.AdminAsync();
        var invite = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = RunningSystem.AdminEmail, role = "viewer" });
        await root.OkAsync(HttpMethod.Post, $"/api/v1/invites/{invite.GetProperty("token").GetString()}/accept");
        root.OrganizationId = organizationId;

        await root.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "root-key", roles = new[] { "owner" } });
    }

    [Fact]
    public async Task Removing_a_member_deactivates_the_keys_they_are_behind()
    {
        var (owner, _, manager, managerId, _) = await OrganizationAsync("removal");
        var (keyId, key) = await manager.CreateApiKeyAsync("mine", "role-manager");
        using var mine = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        // A key made by the member's key is the member's too.
        var made = await mine.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "made-by-key", roles = new[] { "role-manager" } });
        using var madeByKey = ApiClient.WithKey(system.Frontend.BaseAddress, made.GetProperty("key").GetString()!);
        var (_, ownersKey) = await owner.CreateApiKeyAsync("owners", "viewer");
        using var owners = ApiClient.WithKey(system.Frontend.BaseAddress, ownersKey);
        await mine.OkAsync(HttpMethod.Get, "/api/v1/members");
        await madeByKey.OkAsync(HttpMethod.Get, "/api/v1/members");
        var listed = await owner.OkAsync(HttpMethod.Get, "/api/v1/api-keys");
        Assert.Equal(managerId, listed.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetInt64() == keyId).GetProperty("created_by").GetInt64());

        await owner.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/members/{managerId}");

        var refused = await mine.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/members");
        Assert.Contains("deactivated", refused.GetProperty("detail").GetString());
        await madeByKey.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/members");
        await owners.OkAsync(HttpMethod.Get, "/api/v1/members");
        var after = await owner.OkAsync(HttpMethod.Get, $"/api/v1/api-keys/{keyId}");
        Assert.False(after.GetProperty("is_active").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("deactivated_at").ValueKind);
    }
}
