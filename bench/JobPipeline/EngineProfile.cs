namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// How the organization's task engine group-committed during the measured window, read from the database: the
/// write transactions of the whole server (the engine writes one batch at a time; little else writes meanwhile) and,
/// for the batches that completed runs, how many completions each held (the distinct <c>xmin</c> of the releases).
/// </summary>
public sealed class EngineProfile(BenchDatabase database, long organizationId)
{
    private readonly List<(DateTime At, long NextTransactionId)> _samples = [];

    /// <summary>Called when the window opens and when it closes.</summary>
    public async Task SampleAsync() => _samples.Add((DateTime.UtcNow, await database.NextTransactionIdAsync()));

    /// <param name="siloRoundTrips">The silo's database round trips in the window and their total duration.</param>
    public async Task<EngineBatches> SummarizeAsync(PipelineResult run, (long Operations, TimeSpan Duration) siloRoundTrips)
    {
        var (opened, firstId) = _samples[0];
        var (closed, lastId) = _samples[1];
        var (completions, batches) = await CompletionBatchesAsync(opened, closed);
        var writes = lastId - firstId;
        return new EngineBatches(
            writes,
            writes / run.Window.TotalSeconds,
            writes == 0 ? 0 : run.Window.TotalMilliseconds / writes,
            writes == 0 ? 0 : 2.0 * run.Jobs / writes,
            batches == 0 ? 0 : (double)completions / batches,
            writes == 0 ? 0 : (double)siloRoundTrips.Operations / writes,
            writes == 0 ? 0 : siloRoundTrips.Duration.TotalMilliseconds / writes);
    }

    private async Task<(long Completions, long Batches)> CompletionBatchesAsync(DateTime opened, DateTime closed)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT count(*), count(DISTINCT xmin::text)
              FROM releases WHERE organization_id = @organization AND found_at >= @opened AND found_at < @closed
            """);
        command.Parameters.AddWithValue("organization", organizationId);
        command.Parameters.AddWithValue("opened", opened);
        command.Parameters.AddWithValue("closed", closed);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

/// <param name="WriteTransactions">Write transactions of the server in the window.</param>
/// <param name="MeanWriteMs">The window divided by them: how long one engine batch took from start to commit.</param>
/// <param name="TransitionsPerWrite">Claims and completions (two per job) per write transaction.</param>
/// <param name="CompletionsPerBatch">Completions in each batch that held any.</param>
/// <param name="RoundTripsPerWrite">The silo's database round trips per write transaction.</param>
/// <param name="RoundTripMsPerWrite">How long those round trips took per write transaction (the rest of <see cref="MeanWriteMs"/> is spent in the silo).</param>
public sealed record EngineBatches(
    long WriteTransactions, double WritesPerSecond, double MeanWriteMs, double TransitionsPerWrite, double CompletionsPerBatch,
    double RoundTripsPerWrite, double RoundTripMsPerWrite);
