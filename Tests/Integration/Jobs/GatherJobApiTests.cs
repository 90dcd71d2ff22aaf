using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Jobs;

public class GatherJobApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static object Job(string name = "kubernetes", string? schedule = "0 */6 * * *", string source = "github_releases", string artifact = "github.com/kubernetes/kubernetes") =>
        new { name, source_type = source, artifact_name = artifact, schedule, credential_name = (string?)null, tag_filter = (string?)null, labels = new Dictionary<string, string> { ["team"] = "platform" } };

    private async Task<ApiClient> OwnerAsync(string email)
    {
        var owner = system.Client();
        await owner.SignUpAsync(email);
        await owner.CreateOrganizationAsync($"Jobs of {email}");
        return owner;
    }

    [Fact]
    public async Task A_scheduled_job_is_created_pending_with_its_next_run_and_can_be_changed_run_and_deleted()
    {
        using var owner = await OwnerAsync("gather-crud@example.com");

        var created = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", Job(artifact: "https://github.com/kubernetes/kubernetes/"));
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal("github.com/kubernetes/kubernetes", created.GetProperty("artifact_name").GetString());
        var next = created.GetProperty("next_run_at").GetDateTime().ToUniversalTime();
        Assert.Equal(0, next.Hour % 6);
        Assert.Equal(0, next.Minute);
        Assert.True(next > DateTime.UtcNow);

        var changed = await owner.OkAsync(HttpMethod.Put, $"/api/v1/gather-jobs/{id}", Job(name: "k8s", schedule: "30 9 * * 1-5"));
        Assert.Equal("k8s", changed.GetProperty("name").GetString());
        Assert.Equal(30, changed.GetProperty("next_run_at").GetDateTime().ToUniversalTime().Minute);

        var queued = await owner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{id}/run");
        Assert.Equal("queued", queued.GetProperty("status").GetString());

        var summary = await owner.OkAsync(HttpMethod.Get, "/api/v1/gather-jobs/summary");
        Assert.Equal(1, summary.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.GetProperty("by_status").GetProperty("queued").GetInt32());

        await owner.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/gather-jobs/{id}");
        await owner.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/gather-jobs/{id}");
    }

    [Fact]
    public async Task A_job_without_a_schedule_is_queued_to_run_once()
    {
        using var owner = await OwnerAsync("gather-once@example.com");

        var created = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", Job(schedule: null, source: "oci_registry", artifact: "ghcr.io/acme/api"));

        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.True(created.GetProperty("next_run_at").GetDateTime().ToUniversalTime() <= DateTime.UtcNow.AddSeconds(5));
    }

    [Theory]
    [InlineData("schedule", "every day")]
    [InlineData("schedule", "0 0 * * * *")]
    [InlineData("source_type", "ftp")]
    [InlineData("artifact_name", "github.com/only-owner")]
    [InlineData("tag_filter", "v(")]
    [InlineData("name", "")]
    public async Task Invalid_fields_are_422_naming_the_field(string field, string value)
    {
        using var owner = await OwnerAsync($"gather-invalid-{Guid.NewGuid():N}@example.com");
        var body = new Dictionary<string, object?>
        {
            ["name"] = "job", ["source_type"] = "github_releases", ["artifact_name"] = "github.com/acme/api", ["schedule"] = "0 * * * *",
            [field] = value,
        };

        var problem = await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/gather-jobs", body);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(0, (await owner.OkAsync(HttpMethod.Get, "/api/v1/gather-jobs/summary")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Lists_page_by_id_and_a_member_may_read_and_run_but_not_create()
    {
        using var owner = await OwnerAsync("gather-list@example.com");
        for (var i = 0; i < 3; i++)
        {
            await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", Job(name: $"job {i}"));
        }

        var first = await owner.OkAsync(HttpMethod.Get, "/api/v1/gather-jobs?limit=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var second = await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs?limit=2&cursor={first.GetProperty("next_cursor").GetString()}");
        Assert.Equal("job 2", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "/api/v1/gather-jobs?limit=500");

        var (member, _) = await owner.AddMemberAsync("gather-member@example.com", "member");
        var id = first.GetProperty("items")[0].GetProperty("id").GetInt64();
        await member.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{id}");
        await member.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{id}/run");
        await member.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/gather-jobs", Job());
    }
}
