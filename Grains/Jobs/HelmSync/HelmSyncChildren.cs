using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Jobs.Gather;

namespace Planekeeper.Grains.Jobs.HelmSync;

/// <summary>
/// The gather jobs a helm sync job keeps, one per chart, recognised by their labels. What a child needs to look like
/// is pure (<see cref="Request"/>); finding them is one query.
/// </summary>
public sealed class HelmSyncChildren(NpgsqlDataSource database)
{
    public const string SyncJobLabel = "planekeeper.io/helm-sync-job";
    public const string ChartLabel = "planekeeper.io/chart";

    public sealed class Child
    {
        public long Id { get; init; }
        public string Chart { get; init; } = "";
        public string? Schedule { get; init; }
        public string? CredentialName { get; init; }
        public string ArtifactName { get; init; } = "";
    }

    public async Task<List<Child>> ListAsync(long organizationId, long helmSyncJobId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<Child>(
            $"""
            SELECT id, labels ->> '{ChartLabel}' AS Chart, schedule, credential_name AS CredentialName, artifact_name AS ArtifactName
              FROM gather_jobs WHERE organization_id = @OrganizationId AND labels ->> '{SyncJobLabel}' = @SyncJob ORDER BY id
            """,
            new { OrganizationId = organizationId, SyncJob = helmSyncJobId.ToString() })).ToList();
    }

    /// <summary>The gather job for one chart: the sync job's repository, schedule and credential.</summary>
    public static GatherJobRequest Request(HelmSyncJobRecord sync, string chart) => new(
        chart,
        GatherSourceTypes.HelmRepository,
        $"{RepositoryHostPath(sync.RepositoryUrl)}/{chart}",
        sync.Schedule,
        sync.CredentialName,
        null,
        new Dictionary<string, string> { [SyncJobLabel] = sync.Id.ToString(), [ChartLabel] = chart });

    public static bool IsUpToDate(Child child, GatherJobRequest wanted) =>
        child.Schedule == wanted.Schedule && child.CredentialName == wanted.CredentialName && child.ArtifactName == wanted.ArtifactName;

    private static string RepositoryHostPath(string repositoryUrl) =>
        repositoryUrl.Replace("https://", "", StringComparison.OrdinalIgnoreCase).Replace("http://", "", StringComparison.OrdinalIgnoreCase).TrimEnd('/');
}
