using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

public class TaskClaimTests(TaskEngineSystem system) : IClassFixture<TaskEngineSystem>
{
    [Fact]
    public async Task A_queued_job_is_claimed_completed_and_its_releases_stored()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("claim@example.com");
        await owner.CreateOrganizationAsync("Claim");
        var job = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name = "k8s", source_type = "github_releases", artifact_name = "github.com/kubernetes/kubernetes",
        });
        var jobId = job.GetProperty("id").GetInt64();
        var (_, key) = await owner.CreateApiKeyAsync("agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        var task = (await agent.ClaimAsync())!.Value;
        Assert.Equal(jobId, TestAgent.JobId(task));
        Assert.Equal("github.com/kubernetes/kubernetes", task.GetProperty("job").GetProperty("artifact_name").GetString());
        Assert.Equal("in_progress", (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, await agent.RenewAsync(TestAgent.TaskId(task)));
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task));

        var done = await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {jobId}"));
        Assert.Equal("succeeded", await system.ScalarAsync<string>($"SELECT outcome FROM task_executions WHERE job_id = {jobId}"));
        Assert.Null(await agent.ClaimAsync());
        Assert.Equal(HttpStatusCode.Conflict, await agent.CompleteAsync(task));
    }
}
