using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>Two silos and two frontends: a role change made through one frontend holds on the next request through the other.</summary>
public class PermissionChangeTests(TwoSiloSystem system) : IClassFixture<TwoSiloSystem>
{
    [Fact]
    public async Task Assigning_a_deny_role_takes_effect_on_the_next_request_everywhere()
    {
        var second = await system.StartFrontendAsync(new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true" });
        using var owner = system.Client();
        await owner.SignUpAsync("owner-change@example.com");
        await owner.CreateOrganizationAsync("Changing");
        var (memberOnFirst, memberId) = await owner.AddMemberAsync("member-change@example.com", "member");
        using var memberOnSecond = system.Client(second);
        await memberOnSecond.SignInAsync("member-change@example.com", "a long enough password");
        memberOnSecond.OrganizationId = owner.OrganizationId;

        await memberOnFirst.OkAsync(HttpMethod.Get, "/api/v1/members");
        await memberOnSecond.OkAsync(HttpMethod.Get, "/api/v1/members");

        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", new
        {
            key = "quarantine",
            name = "Quarantine",
            policy = new { Statement = new[] { new { Effect = "Deny", Action = new[] { "*" }, Resource = "*" } } },
        });
        await owner.OkAsync(HttpMethod.Post, "/api/v1/roles/quarantine/assign", new { user_id = memberId });

        await memberOnSecond.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/members");
        await memberOnFirst.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/members");

        await owner.OkAsync(HttpMethod.Delete, $"/api/v1/roles/quarantine/assign/{memberId}");
        await memberOnSecond.OkAsync(HttpMethod.Get, "/api/v1/members");
    }
}
