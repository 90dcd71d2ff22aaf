using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs.Scrape;

/// <param name="CurrentVersion">The version of the job's newest snapshot (the deployed version); null before any (docs/jobs.md).</param>
/// <param name="CurrentVersionFoundAt">When that snapshot was taken.</param>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.scrape-record")]
public sealed record ScrapeJobRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? RepositoryUrl,
    [property: Id(4)] string Ref,
    [property: Id(5)] string? TargetFile,
    [property: Id(6)] string ParseType,
    [property: Id(7)] string? ParseExpression,
    [property: Id(8)] string? CredentialName,
    [property: Id(9)] string? Schedule,
    [property: Id(10)] string VersionTransform,
    [property: Id(11)] int HistoryLimit,
    [property: Id(12)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(13), ValuesOf(typeof(JobStatus))] string Status,
    [property: Id(14)] DateTime? NextRunAt,
    [property: Id(15)] DateTime? LastRunAt,
    [property: Id(16)] string? LastError,
    [property: Id(17)] DateTime CreatedAt,
    [property: Id(18)] DateTime UpdatedAt,
    [property: Id(19)] string? CurrentVersion = null,
    [property: Id(20)] DateTime? CurrentVersionFoundAt = null) : IJobRecord
{
    /// <summary>The row's version: the scrape job's <c>ETag</c> (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(21), JsonIgnore]
    public int Version { get; init; }
}
