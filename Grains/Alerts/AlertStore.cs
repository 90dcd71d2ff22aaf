using Dapper;
using Npgsql;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Alerts;

/// <summary>
/// The alerts of one config and their history. A change is one statement (one transaction): the alert row (guarded by
/// its version, and by the one-active-alert index), its history entries, the config's evaluation time, and — when the
/// routing inputs were read before — its events' routing; else its round trip reads what routing its events needs.
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
    /// Writes <paramref name="alert"/> (inserted when its id is 0) with <paramref name="steps"/> as history entries, in
    /// order, and the evaluation mark when there is one — one statement, so one transaction. Its events are routed by
    /// the same statement when <paramref name="routing"/> (read before, with the evaluation's inputs) is given; else
    /// the same round trip reads the routing inputs of the alert's organization for the router (docs/architecture.md,
    /// "From a job completion to an alert"). Returns the written row and its new events, durable once this returns;
    /// null when another writer got there first (the caller reloads and decides again).
    /// </summary>
    public async Task<(AlertRow Alert, WrittenEvents Events)?> SaveAsync(
        AlertRow alert, IReadOnlyList<AlertStep> steps, string actor, string details, DateTime at, EvaluationMark? evaluation, RoutingInputs? routing = null)
    {
        var events = steps.Select(step => step.Event).OfType<string>().ToList();
        var inWrite = routing is not null && events.Count > 0
            ? AlertWriteRouting.Decide(alert.OrganizationId, alert.Severity, events, routing)
            : AlertWriteRouting.None;
        try
        {
            return await SaveAsync(alert, steps, actor, details, at, evaluation, inWrite);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation && inWrite.Routes)
        {
            // A channel was deleted between the read of the routing inputs and this write: write without routing; the
            // router then routes with inputs read afresh.
            return await SaveAsync(alert, steps, actor, details, at, evaluation, AlertWriteRouting.None);
        }
    }

    private async Task<(AlertRow Alert, WrittenEvents Events)?> SaveAsync(
        AlertRow alert, IReadOnlyList<AlertStep> steps, string actor, string details, DateTime at, EvaluationMark? evaluation, AlertWriteRouting inWrite)
    {
        var parameters = new DynamicParameters(alert);
        parameters.AddDynamicParams(new
        {
            Actions = steps.Select(step => step.Action).ToArray(), Events = steps.Select(step => step.Event).ToArray(),
            Actor = actor, Details = details, At = at, Marked = evaluation is not null, MarkConfigId = alert.AlertConfigId,
            MarkAt = evaluation?.At, MarkOutcome = evaluation?.Outcome, MarkDeployedVersion = evaluation?.DeployedVersion,
            MarkLatestVersion = evaluation?.LatestVersion, MarkBehindBy = evaluation?.BehindBy,
        });
        parameters.AddDynamicParams(RoutingInputs.Parameters);
        parameters.AddDynamicParams(inWrite.Parameters);
        var readsRoutingInputs = !inWrite.Routes && steps.Any(step => step.Event is not null);
        await using var connection = await database.OpenConnectionAsync();
        try
        {
            await using var reader = await connection.ExecuteReaderAsync(
                $"""
                WITH saved AS ({(alert.Id != 0 ? Update : Insert)}),
                actions AS (
                    INSERT INTO alert_actions (alert_id, organization_id, action, event, actor, severity, previous_severity, details, created_at, routed_at)
                    SELECT saved.id, saved.organizationid, step.action, step.event, @Actor, saved.severity, saved.previousseverity, CAST(@Details AS jsonb), @At,
                           CASE WHEN @RoutesInWrite AND step.event IS NOT NULL THEN now() END
                      FROM saved, unnest(@Actions::text[], @Events::text[]) WITH ORDINALITY AS step(action, event, n)
                     ORDER BY step.n
                    RETURNING id, event),
                mark AS (
                    UPDATE alert_configs SET evaluated_at = @MarkAt, evaluation_outcome = @MarkOutcome, deployed_version = @MarkDeployedVersion,
                           latest_version = @MarkLatestVersion, behind_by = @MarkBehindBy
                     WHERE id = @MarkConfigId AND @Marked AND EXISTS (SELECT 1 FROM saved)),
                {AlertWriteRouting.Statements("saved", "actions")}
                SELECT saved.*, ARRAY(SELECT id FROM actions WHERE event IS NOT NULL ORDER BY id) AS EventIds,
                       ARRAY(SELECT event FROM actions WHERE event IS NOT NULL ORDER BY id) AS EventNames,
                       ARRAY(SELECT DISTINCT channel_id FROM routed_deliveries) AS RoutedChannels
                  FROM saved;
                {(readsRoutingInputs ? RoutingInputs.Statements("(@OrganizationId)") : "")}
                """, parameters);
            if (!await reader.ReadAsync())
            {
                return null;
            }

            var saved = reader.GetRowParser<AlertRow>()(reader);
            var names = reader.GetFieldValue<string[]>(reader.GetOrdinal("EventNames"));
            var events = reader.GetFieldValue<long[]>(reader.GetOrdinal("EventIds"))
                .Zip(names, (id, name) => new AlertEvent(id, saved.Id, saved.OrganizationId, name, saved.Severity)).ToList();
            var routedChannels = reader.GetFieldValue<long[]>(reader.GetOrdinal("RoutedChannels"));
            await reader.NextResultAsync();
            return (saved, inWrite.Routes
                ? new WrittenEvents(events, RoutingInputs.None, routedChannels)
                : new WrittenEvents(events, readsRoutingInputs ? await RoutingInputs.ReadAsync(reader) : RoutingInputs.None, null));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && alert.Id == 0)
        {
            return null;
        }
    }

    /// <summary>The alert's change, guarded by its version: no row when another writer changed it first.</summary>
    private const string Update = $"""
        UPDATE alerts SET severity = @Severity, previous_severity = @PreviousSeverity, behind_by = @BehindBy,
               discovered_version = @DiscoveredVersion, latest_version = @LatestVersion, reason = @Reason, updated_at = @UpdatedAt,
               acknowledged_at = @AcknowledgedAt, acknowledged_by = @AcknowledgedBy, ack_metadata = CAST(@AckMetadata AS jsonb),
               resolved_at = @ResolvedAt, resolved_by = @ResolvedBy, version = version + 1
         WHERE id = @Id AND version = @Version
        RETURNING {Columns}
        """;

    /// <summary>A new alert; the one-active-alert index refuses a second active one with a unique violation.</summary>
    private const string Insert = $"""
        INSERT INTO alerts (organization_id, alert_config_id, config_name, severity, previous_severity, behind_by, discovered_version,
                            latest_version, reason, created_at, updated_at)
        VALUES (@OrganizationId, @AlertConfigId, @ConfigName, @Severity, @PreviousSeverity, @BehindBy, @DiscoveredVersion,
                @LatestVersion, @Reason, @CreatedAt, @UpdatedAt)
        RETURNING {Columns}
        """;

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
