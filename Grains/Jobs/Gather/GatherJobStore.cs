using System.Text.Json;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Versioning;

namespace Planekeeper.Grains.Jobs.Gather;

public sealed class GatherJobRow : JobRow<GatherJobRecord>
{
    public string Name { get; init; } = "";
    public string SourceType { get; init; } = "";
    public string ArtifactName { get; init; } = "";
    public string? Schedule { get; init; }
    public string? CredentialName { get; init; }
    public string? TagFilter { get; init; }
    public string Labels { get; init; } = "{}";

    /// <summary>The versions of the job's releases the source did not mark as prereleases; read with the row.</summary>
    public string[]? StableVersions { get; init; }

    public override GatherJobRecord ToRecord() => new(
        Id, OrganizationId, Name, SourceType, ArtifactName, Schedule, CredentialName, TagFilter,
        JsonSerializer.Deserialize<Dictionary<string, string>>(Labels)!, Status, NextRunAt, LastRunAt, LastError, CreatedAt, UpdatedAt,
        VersionOrdering.HighestStable(StableVersions ?? [])?.Text) { Version = Version };
}

public sealed class GatherJobStore(NpgsqlDataSource database) : JobStore<GatherJobRow, GatherJobRecord, GatherJobDefinition>(database)
{
    protected override string Table => JobKind.Gather.Table;

    protected override string DefinitionSelect => """
        name, source_type AS SourceType, artifact_name AS ArtifactName, schedule, credential_name AS CredentialName,
        tag_filter AS TagFilter, labels::text AS Labels
        """;

    // Only the unmarked versions travel; SemVer precedence (not SQL) then picks the latest of them (docs/jobs.md).
    protected override string FindingsSelect => ", r.versions AS StableVersions";

    protected override string FindingsJoin =>
        "LEFT JOIN LATERAL (SELECT array_agg(version) AS versions FROM releases WHERE gather_job_id = j.id AND NOT prerelease) r ON true";

    protected override IReadOnlyList<(string Column, string Value)> DefinitionWrites { get; } =
    [
        ("name", "@Name"), ("source_type", "@SourceType"), ("artifact_name", "@ArtifactName"), ("schedule", "@Schedule"),
        ("credential_name", "@CredentialName"), ("tag_filter", "@TagFilter"), ("labels", "CAST(@Labels AS jsonb)"),
    ];

    protected override object Parameters(GatherJobDefinition job) => new
    {
        job.Name,
        job.SourceType,
        job.ArtifactName,
        job.Schedule,
        job.CredentialName,
        job.TagFilter,
        Labels = JsonSerializer.Serialize(job.Labels),
    };
}
