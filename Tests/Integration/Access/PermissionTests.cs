using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Access;

public class PermissionTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private static readonly object DenyMembersList = new
    {
        key = "no-member-list",
        name = "No member list",
        policy = new { Statement = new[] { new { Effect = "Deny", Action = new[] { "members:list" }, Resource = "*" } } },
    };

    [Fact]
    public async Task Unauthenticated_is_401_and_a_missing_permission_is_403_naming_the_action()
    {
        using var anonymous = system.Client();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/members");

        using var owner = system.Client();
        await owner.SignUpAsync("owner-403@example.com");
        await owner.CreateOrganizationAsync("Forbidden Inc");
        var (viewer, _) = await owner.AddMemberAsync("viewer-403@example.com", "viewer");

        var denied = await viewer.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/invites", new { email = "x@example.com", role = "viewer" });
        Assert.Equal("invites:create", denied.GetProperty("missing_action").GetString());
        Assert.Contains("invites:create", denied.GetProperty("detail").GetString());
        await viewer.OkAsync(HttpMethod.Get, "/api/v1/members");
    }

    [Fact]
    public async Task Explain_names_the_roles_and_statements_and_deny_wins_over_admin()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("owner-explain@example.com");
        await owner.CreateOrganizationAsync("Explained");
        var (admin, adminId) = await owner.AddMemberAsync("admin-explain@example.com", "admin");
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", DenyMembersList);
        await owner.OkAsync(HttpMethod.Post, "/api/v1/roles/no-member-list/assign", new { user_id = adminId });

        var explained = await owner.OkAsync(HttpMethod.Get, $"/api/v1/permissions/explain?user_id={adminId}&action=members:list");
        output.WriteLine(JsonSerializer.Serialize(explained, new JsonSerializerOptions { WriteIndented = true }));

        Assert.False(explained.GetProperty("allowed").GetBoolean());
        Assert.Equal("deny statement", explained.GetProperty("decided_by").GetString());
        Assert.Equal(["admin", "no-member-list"], explained.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var deny = Assert.Single(explained.GetProperty("denying").EnumerateArray());
        Assert.Equal("no-member-list", deny.GetProperty("role").GetString());
        Assert.Equal("members:list", deny.GetProperty("action").GetString());
        Assert.Contains(explained.GetProperty("allowing").EnumerateArray(), s => s.GetProperty("role").GetString() == "admin");
        await admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/members");

        var unknown = await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, $"/api/v1/permissions/explain?user_id={adminId}&action=members:fly");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("action", out _));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_demoted_or_removed()
    {
        using var owner = system.Client();
        var ownerId = await owner.SignUpAsync("last-owner@example.com");
        await owner.CreateOrganizationAsync("One owner");

        await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"/api/v1/members/{ownerId}", new { role = "admin" });
        await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/v1/members/{ownerId}");

        var (second, secondId) = await owner.AddMemberAsync("second-owner@example.com", "owner");
        await owner.OkAsync(HttpMethod.Put, $"/api/v1/members/{ownerId}", new { role = "admin" });
        await second.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/v1/members/{secondId}");
        var members = await second.OkAsync(HttpMethod.Get, "/api/v1/members");
        Assert.Equal(["admin"], members.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("user_id").GetInt64() == ownerId)
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Invites_are_single_use_bound_to_the_email_and_revocable()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("inviter@example.com");
        await owner.CreateOrganizationAsync("Inviting");
        var invite = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "invitee@example.com", role = "member" });
        var token = invite.GetProperty("token").GetString();
        Assert.Equal("pending", invite.GetProperty("status").GetString());

        using var stranger = system.Client();
        await stranger.SignUpAsync("stranger@example.com");
        await stranger.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, $"/api/v1/invites/{token}/accept");

        using var invitee = system.Client();
        await invitee.SignUpAsync("invitee@example.com");
        var joined = await invitee.OkAsync(HttpMethod.Post, $"/api/v1/invites/{token}/accept");
        Assert.Equal(["member"], joined.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await invitee.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/invites/{token}/accept");

        var revocable = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "late@example.com", role = "viewer" });
        var revoked = await owner.OkAsync(HttpMethod.Delete, $"/api/v1/invites/{revocable.GetProperty("id").GetInt64()}");
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        using var late = system.Client();
        await late.SignUpAsync("late@example.com");
        await late.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/invites/{revocable.GetProperty("token").GetString()}/accept");
    }

    [Fact]
    public async Task Custom_roles_round_trip_and_invalid_documents_name_the_statement()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("roles@example.com");
        await owner.CreateOrganizationAsync("Roles");

        var created = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", new
        {
            key = "release-reader",
            name = "Release reader",
            policy = new { Statement = new object[] { new { Effect = "Allow", Action = new[] { "releases:*", "gather-jobs:list" }, Resource = "*" } } },
        });
        Assert.Equal("release-reader", created.GetProperty("key").GetString());
        var fetched = await owner.OkAsync(HttpMethod.Get, "/api/v1/roles/release-reader");
        var actions = fetched.GetProperty("policy").GetProperty("Statement")[0].GetProperty("Action").EnumerateArray().Select(a => a.GetString()).ToHashSet();
        Assert.Equal(["releases:*", "gather-jobs:list"], actions);

        var invalid = await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/roles", new
        {
            key = "broken",
            name = "Broken",
            policy = new { Statement = new object[] { new { Effect = "Allow", Action = new[] { "releases:list" }, Resource = "*" }, new { Effect = "Allow", Action = new[] { "rockets:launch" }, Resource = "*" } } },
        });
        var message = Assert.Single(invalid.GetProperty("errors").GetProperty("policy").EnumerateArray()).GetString();
        Assert.StartsWith("Statement[1]", message);
        await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, "/api/v1/roles/owner", new { name = "x", policy = new { Statement = Array.Empty<object>() } });
        await owner.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/api/v1/roles/release-reader");
    }
}
