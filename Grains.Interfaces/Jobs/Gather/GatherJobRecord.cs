using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Jobs.Gather;

namespace Planekeeper.Grains.Interfaces.Jobs.Gather;

/// <param name="LatestVersion">
/// The highest stable release the job found, by SemVer precedence, as published; null before any release (docs/jobs.md).
/// </param>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.gather-record")]
public sealed record GatherJobRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3), ValuesOf(typeof(GatherSourceTypes))] string SourceType,
    [property: Id(4)] string ArtifactName,
    [property: Id(5)] string? Schedule,
    [property: Id(6)] string? CredentialName,
    [property: Id(7)] string? TagFilter,
    [property: Id(8)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(9), ValuesOf(typeof(JobStatus))] string Status,
    [property: Id(10)] DateTime? NextRunAt,
    [property: Id(11)] DateTime? LastRunAt,
    [property: Id(12)] string? LastError,
    [property: Id(13)] DateTime CreatedAt,
    [property: Id(14)] DateTime UpdatedAt,
    [property: Id(15)] string? LatestVersion = null) : IJobRecord
{
    /// <summary>The row's version: the gather job's <c>ETag</c> (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(16), JsonIgnore]
    public int Version { get; init; }
}
