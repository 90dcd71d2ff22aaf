using Planekeeper.Grains.Jobs;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// How the engine reads each kind's table (<see cref="JobKind"/> names the table and which rows agents run): which
/// columns make the definition an agent receives (as a JSON object), and how many version snapshots it keeps.
/// </summary>
public sealed record JobTable(JobKind Kind, string JobJson, string HistoryLimit, string Validators = "NULL::text AS ETag, NULL::timestamptz AS LastModified")
{
    public static readonly IReadOnlyList<JobTable> All =
    [
        new(JobKind.Gather,
            "jsonb_build_object('name', name, 'source_type', source_type, 'artifact_name', artifact_name, 'tag_filter', tag_filter, 'credential_name', credential_name)",
            "0", "upstream_etag AS ETag, upstream_last_modified AS LastModified"),
        new(JobKind.Scrape,
            """
            jsonb_build_object('name', name, 'repository_url', repository_url, 'ref', ref, 'target_file', target_file, 'parse_type', parse_type,
                               'parse_expression', parse_expression, 'version_transform', version_transform, 'credential_name', credential_name)
            """,
            "history_limit"),
        new(JobKind.HelmSync,
            "jsonb_build_object('name', name, 'repository_url', repository_url, 'chart_filter', chart_filter, 'credential_name', credential_name)",
            "0"),
    ];

    public static JobTable Of(string kind) => All.Single(table => table.Kind == JobKind.Of(kind));

    public string Table => Kind.Table;

    /// <summary>The engine's columns of this table, aliased to <see cref="EngineJobRow"/>.</summary>
    public string Select => $"""
        SELECT '{Kind.Name}' AS Kind, id, version AS DefinitionVersion, credential_name AS CredentialName, schedule, ({Kind.Runnable}) AS Runnable,
               ({HistoryLimit})::int AS HistoryLimit, ({JobJson})::text AS JobJson, status, next_run_at AS NextRunAt, attempt,
               last_run_at AS LastRunAt, last_error AS LastError, lease_id AS LeaseId, lease_agent_id AS LeaseAgentId,
               lease_expires_at AS LeaseExpiresAt, started_at AS StartedAt, run_version AS RunVersion, {Validators}
          FROM {Table}
        """;
}
