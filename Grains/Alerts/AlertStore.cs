using Dapper;
using Npgsql;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts;

/// <summary>
/// The alerts of one config and their history. A change is one transaction: the alert row (guarded by its version,
/// and by the one-active-alert index), its history entries and the config's evaluation time.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource database)
{
    public const string Columns = """
        id, organization_id AS OrganizationId, alert_config_id AS AlertConfigId, config_name AS ConfigName, severity,
        previous_severity AS PreviousSeverity, behind_by AS BehindBy, discovered_version AS DiscoveredVersion,
        latest_version AS LatestVersion, reason, created_at AS CreatedAt, updated_at AS UpdatedAt,
        acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, ack_metadata::text AS AckMetadata,
        resolved_at AS ResolvedAt, resolved_by AS ResolvedBy, version
        """;

    public async Task<AlertRow?> GetActiveAsync(long configId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<AlertRow>(
            $"SELECT {Columns} FROM alerts WHERE alert_config_id = @ConfigId AND resolved_at IS NULL", new { ConfigId = configId });
    }

    /// <summary>
    /// Writes <paramref name="alert"/> (inserted when its id is 0) with <paramref name="steps"/> as history entries.
    /// Returns the written row and the ids of the entries that carry an event; null when another writer got there
    /// first (the caller reloads and decides again).
    /// </summary>
    public async Task<(AlertRow Alert, IReadOnlyList<long> EventIds)?> SaveAsync(
        AlertRow alert, IReadOnlyList<AlertStep> steps, string actor, string details, DateTime at, EvaluationMark? evaluation)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var saved = await WriteAlertAsync(connection, alert);
        if (saved is null)
        {
            return null;
        }

        var eventIds = new List<long>();
        foreach (var step in steps)
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO alert_actions (alert_id, organization_id, action, event, actor, severity, previous_severity, details, created_at)
                VALUES (@AlertId, @OrganizationId, @Action, @Event, @Actor, @Severity, @PreviousSeverity, CAST(@Details AS jsonb), @At)
                RETURNING id
                """,
                new
                {
                    AlertId = saved.Id, saved.OrganizationId, step.Action, step.Event, Actor = actor, saved.Severity,
                    saved.PreviousSeverity, Details = details, At = at,
                });
            if (step.Event is not null)
            {
                eventIds.Add(id);
            }
        }

        if (evaluation is not null && saved.AlertConfigId is { } configId)
        {
            await connection.ExecuteAsync(MarkEvaluated, Mark(configId, evaluation));
        }

        await transaction.CommitAsync();
        return (saved, eventIds);
    }

    private static async Task<AlertRow?> WriteAlertAsync(NpgsqlConnection connection, AlertRow alert)
    {
        if (alert.Id != 0)
        {
            return await connection.QuerySingleOrDefaultAsync<AlertRow>(
                $"""
                UPDATE alerts SET severity = @Severity, previous_severity = @PreviousSeverity, behind_by = @BehindBy,
                       discovered_version = @DiscoveredVersion, latest_version = @LatestVersion, reason = @Reason, updated_at = @UpdatedAt,
                       acknowledged_at = @AcknowledgedAt, acknowledged_by = @AcknowledgedBy, ack_metadata = CAST(@AckMetadata AS jsonb),
                       resolved_at = @ResolvedAt, resolved_by = @ResolvedBy, version = version + 1
                 WHERE id = @Id AND version = @Version
                RETURNING {Columns}
                """, alert);
        }

        try
        {
            return await connection.QuerySingleAsync<AlertRow>(
                $"""
                INSERT INTO alerts (organization_id, alert_config_id, config_name, severity, previous_severity, behind_by, discovered_version,
                                    latest_version, reason, created_at, updated_at)
                VALUES (@OrganizationId, @AlertConfigId, @ConfigName, @Severity, @PreviousSeverity, @BehindBy, @DiscoveredVersion,
                        @LatestVersion, @Reason, @CreatedAt, @UpdatedAt)
                RETURNING {Columns}
                """, alert);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
    }

    public async Task MarkEvaluatedAsync(long configId, EvaluationMark evaluation)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(MarkEvaluated, Mark(configId, evaluation));
    }

    private const string MarkEvaluated = """
        UPDATE alert_configs SET evaluated_at = @At, evaluation_outcome = @Outcome, deployed_version = @DeployedVersion,
               latest_version = @LatestVersion, behind_by = @BehindBy
         WHERE id = @Id
        """;

    private static object Mark(long configId, EvaluationMark evaluation) => new
    {
        Id = configId, evaluation.At, evaluation.Outcome, evaluation.DeployedVersion, evaluation.LatestVersion, evaluation.BehindBy,
    };

    /// <summary>Deletes resolved alerts (their history goes with them) resolved before <paramref name="cutoff"/>.</summary>
    public async Task<int> PurgeResolvedAsync(DateTime cutoff)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < @Cutoff", new { Cutoff = cutoff });
    }

    public async Task<AlertRecord?> GetAsync(long organizationId, long alertId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<AlertRow>(
            $"SELECT {Columns} FROM alerts WHERE id = @Id AND organization_id = @OrganizationId", new { Id = alertId, OrganizationId = organizationId });
        return row?.ToRecord();
    }
}
