using System.Text.Json;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;

namespace Planekeeper.Grains.Jobs.HelmSync;

public sealed class HelmSyncJobRow : JobRow<HelmSyncJobRecord>
{
    public string Name { get; init; } = "";
    public string RepositoryUrl { get; init; } = "";
    public string? ChartFilter { get; init; }
    public string? Schedule { get; init; }
    public string? CredentialName { get; init; }
    public string Labels { get; init; } = "{}";

    public override HelmSyncJobRecord ToRecord() => new(
        Id, OrganizationId, Name, RepositoryUrl, ChartFilter, Schedule, CredentialName,
        JsonSerializer.Deserialize<Dictionary<string, string>>(Labels)!, Status, NextRunAt, LastRunAt, LastError, CreatedAt, UpdatedAt) { Version = Version };
}

public sealed class HelmSyncJobStore(NpgsqlDataSource database) : JobStore<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition>(database)
{
    protected override string Table => JobKind.HelmSync.Table;

    protected override string DefinitionSelect => """
        name, repository_url AS RepositoryUrl, chart_filter AS ChartFilter, schedule, credential_name AS CredentialName, labels::text AS Labels
        """;

    protected override IReadOnlyList<(string Column, string Value)> DefinitionWrites { get; } =
    [
        ("name", "@Name"), ("repository_url", "@RepositoryUrl"), ("chart_filter", "@ChartFilter"), ("schedule", "@Schedule"),
        ("credential_name", "@CredentialName"), ("labels", "CAST(@Labels AS jsonb)"),
    ];

    protected override object Parameters(HelmSyncJobDefinition job) => new
    {
        job.Name,
        job.RepositoryUrl,
        job.ChartFilter,
        job.Schedule,
        job.CredentialName,
        Labels = JsonSerializer.Serialize(job.Labels),
    };
}
