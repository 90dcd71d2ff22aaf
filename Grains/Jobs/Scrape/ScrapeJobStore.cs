using System.Text.Json;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;

namespace Planekeeper.Grains.Jobs.Scrape;

public sealed class ScrapeJobRow : JobRow<ScrapeJobRecord>
{
    public string Name { get; init; } = "";
    public string? RepositoryUrl { get; init; }
    public string Ref { get; init; } = "main";
    public string? TargetFile { get; init; }
    public string ParseType { get; init; } = "";
    public string? ParseExpression { get; init; }
    public string? CredentialName { get; init; }
    public string? Schedule { get; init; }
    public string VersionTransform { get; init; } = Planekeeper.Versioning.VersionTransform.None;
    public int HistoryLimit { get; init; }
    public string Labels { get; init; } = "{}";

    /// <summary>The newest snapshot's version and time; read with the row, never written through it.</summary>
    public string? CurrentVersion { get; init; }
    public DateTime? CurrentVersionFoundAt { get; init; }

    public override ScrapeJobRecord ToRecord() => new(
        Id, OrganizationId, Name, RepositoryUrl, Ref, TargetFile, ParseType, ParseExpression, CredentialName, Schedule, VersionTransform,
        HistoryLimit, JsonSerializer.Deserialize<Dictionary<string, string>>(Labels)!, Status, NextRunAt, LastRunAt, LastError, CreatedAt, UpdatedAt,
        CurrentVersion, CurrentVersionFoundAt is { } foundAt ? DateTime.SpecifyKind(foundAt, DateTimeKind.Utc) : null) { Version = Version };
}

public sealed class ScrapeJobStore(NpgsqlDataSource database) : JobStore<ScrapeJobRow, ScrapeJobRecord, ScrapeJobDefinition>(database)
{
    protected override string Table => JobKind.Scrape.Table;

    protected override string DefinitionSelect => """
        name, repository_url AS RepositoryUrl, ref, target_file AS TargetFile, parse_type AS ParseType, parse_expression AS ParseExpression,
        credential_name AS CredentialName, schedule, version_transform AS VersionTransform, history_limit AS HistoryLimit, labels::text AS Labels
        """;

    protected override string FindingsSelect => ", s.version AS CurrentVersion, s.found_at AS CurrentVersionFoundAt";

    protected override string FindingsJoin =>
        "LEFT JOIN LATERAL (SELECT version, found_at FROM version_snapshots WHERE scrape_job_id = j.id ORDER BY id DESC LIMIT 1) s ON true";

    protected override IReadOnlyList<(string Column, string Value)> DefinitionWrites { get; } =
    [
        ("name", "@Name"), ("repository_url", "@RepositoryUrl"), ("ref", "@Ref"), ("target_file", "@TargetFile"), ("parse_type", "@ParseType"),
        ("parse_expression", "@ParseExpression"), ("credential_name", "@CredentialName"), ("schedule", "@Schedule"),
        ("version_transform", "@VersionTransform"), ("history_limit", "@HistoryLimit"), ("labels", "CAST(@Labels AS jsonb)"),
    ];

    protected override object Parameters(ScrapeJobDefinition job) => new
    {
        job.Name,
        job.RepositoryUrl,
        job.Ref,
        job.TargetFile,
        job.ParseType,
        job.ParseExpression,
        job.CredentialName,
        job.Schedule,
        job.VersionTransform,
        job.HistoryLimit,
        Labels = JsonSerializer.Serialize(job.Labels),
    };
}
