using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// How the engine reads each kind's table: which columns make the definition an agent receives (as a JSON
/// object), whether the job is run by agents at all, and how many version snapshots it keeps.
/// </summary>
public sealed record JobTable(string Kind, string Table, string JobJson, string Runnable, string HistoryLimit, string Validators = "NULL::text AS ETag, NULL::timestamptz AS LastModified")
{
    public static readonly IReadOnlyList<JobTable> All =
    [
        new(JobRef.Gather, "gather_jobs",
            "jsonb_build_object('name', name, 'source_type', source_type, 'artifact_name', artifact_name, 'tag_filter', tag_filter, 'credential_name', credential_name)",
            "true", "0", "upstream_etag AS ETag, upstream_last_modified AS LastModified"),
        new(JobRef.Scrape, "scrape_jobs",
            """
            jsonb_build_object('name', name, 'repository_url', repository_url, 'ref', ref, 'target_file', target_file, 'parse_type', parse_type,
                               'parse_expression', parse_expression, 'version_transform', version_transform, 'credential_name', credential_name)
            """,
            "parse_type <> 'manual'", "history_limit"),
        new(JobRef.HelmSync, "helm_sync_jobs",
            "jsonb_build_object('name', name, 'repository_url', repository_url, 'chart_filter', chart_filter, 'credential_name', credential_name)",
            "true", "0"),
    ];

    public static JobTable Of(string kind) => All.Single(table => table.Kind == kind);

    /// <summary>The engine's columns of this table, aliased to <see cref="EngineJobRow"/>.</summary>
    public string Select => $"""
        SELECT '{Kind}' AS Kind, id, version AS DefinitionVersion, credential_name AS CredentialName, schedule, ({Runnable}) AS Runnable,
               ({HistoryLimit})::int AS HistoryLimit, ({JobJson})::text AS JobJson, status, next_run_at AS NextRunAt, attempt,
               last_run_at AS LastRunAt, last_error AS LastError, lease_id AS LeaseId, lease_agent_id AS LeaseAgentId,
               lease_expires_at AS LeaseExpiresAt, started_at AS StartedAt, run_version AS RunVersion, {Validators}
          FROM {Table}
        """;
}
