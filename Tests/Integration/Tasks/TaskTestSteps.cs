using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>The steps task tests repeat: an organization with an agent key, a job, a job's status.</summary>
public static class TaskTestSteps
{
    /// <summary>A new user owning a new organization, and an API key of it for agents.</summary>
    public static async Task<(ApiClient Owner, string AgentKey)> OrganizationAsync(this RunningSystem system, string name)
    {
        var owner = system.Client();
        await owner.SignUpAsync($"{name}@example.com");
        await owner.CreateOrganizationAsync(name);
        var (_, key) = await owner.CreateApiKeyAsync($"{name} agents");
        return (owner, key);
    }

    /// <summary>A gather job without schedule (queued at once), or with the given one.</summary>
    public static async Task<long> CreateGatherJobAsync(this ApiClient owner, string name, string? credential = null, string? schedule = null)
    {
        var job = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name, source_type = "github_releases", artifact_name = $"github.com/acme/{name.Replace(' ', '-')}", credential_name = credential, schedule,
        });
        return job.GetProperty("id").GetInt64();
    }

    public static async Task<string> JobStatusAsync(this ApiClient owner, string resource, long id) =>
        (await owner.OkAsync(HttpMethod.Get, $"/api/v1/{resource}/{id}")).GetProperty("status").GetString()!;
}
