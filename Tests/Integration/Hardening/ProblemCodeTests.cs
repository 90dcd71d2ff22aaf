using System.Net;
using System.Text;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>Every kind of refusal carries its documented machine-readable <c>code</c>.</summary>
public class ProblemCodeTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Each_refusal_names_its_code()
    {
        using var anonymous = system.Client();
        await AssertCodeAsync(await anonymous.GetAsync("/api/v1/gather-jobs"), HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
        await AssertCodeAsync(await anonymous.GetAsync("/api/v1/no-such-route"), HttpStatusCode.NotFound, ProblemCodes.NotFound);

        using var owner = system.Client();
        await owner.SignUpAsync("codes-owner@example.com");
        await owner.CreateOrganizationAsync("Codes");
        await AssertCodeAsync(await owner.GetAsync("/api/v1/gather-jobs/987654"), HttpStatusCode.NotFound, ProblemCodes.NotFound);
        await AssertCodeAsync(await owner.PostAsync("/api/v1/gather-jobs", new { name = "" }), HttpStatusCode.UnprocessableEntity, ProblemCodes.ValidationFailed);
        await AssertCodeAsync(await owner.SendAsync(HttpMethod.Post, "/api/v1/gather-jobs", null,
            request => request.Content = new StringContent("{\"name\": 1", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, ProblemCodes.BadRequest);

        var job = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs",
            new { name = "k8s", source_type = "github_releases", artifact_name = "github.com/kubernetes/kubernetes" })).GetProperty("id").GetInt64();
        using var again = system.Client();
        await AssertCodeAsync(await again.PostAsync("/api/v1/auth/signup", new { email = "codes-owner@example.com", password = "a long enough password" }),
            HttpStatusCode.Conflict, ProblemCodes.Conflict);

        var (viewer, _) = await owner.AddMemberAsync("codes-viewer@example.com", "viewer");
        using (viewer)
        {
            var refused = await AssertCodeAsync(await viewer.PostAsync($"/api/v1/gather-jobs/{job}/run"), HttpStatusCode.Forbidden, ProblemCodes.MissingAction);
            Assert.Equal("gather-jobs:run", refused.GetProperty("missing_action").GetString());
        }

        owner.Origin = "https://evil.example";
        await AssertCodeAsync(await owner.PostAsync("/api/v1/gather-jobs", new { name = "x" }), HttpStatusCode.Forbidden, ProblemCodes.CrossSiteRequest);
    }

    [Fact]
    public void Every_code_is_documented_in_the_api_guide()
    {
        var guide = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "api.md"));
        Assert.All(ProblemCodes.All, code => Assert.Contains($"`{code}`", guide));
    }

    private static async Task<JsonElement> AssertCodeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
