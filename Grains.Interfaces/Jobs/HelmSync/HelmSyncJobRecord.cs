using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs.HelmSync;

[GenerateSerializer, Immutable, Alias("planekeeper.jobs.helm-sync-record")]
public sealed record HelmSyncJobRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string RepositoryUrl,
    [property: Id(4)] string? ChartFilter,
    [property: Id(5)] string? Schedule,
    [property: Id(6)] string? CredentialName,
    [property: Id(7)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(8), ValuesOf(typeof(JobStatus))] string Status,
    [property: Id(9)] DateTime? NextRunAt,
    [property: Id(10)] DateTime? LastRunAt,
    [property: Id(11)] string? LastError,
    [property: Id(12)] DateTime CreatedAt,
    [property: Id(13)] DateTime UpdatedAt) : IJobRecord
{
    /// <summary>The row's version: the helm sync job's <c>ETag</c> (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(14), JsonIgnore]
    public int Version { get; init; }
}
