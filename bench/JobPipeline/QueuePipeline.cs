namespace Planekeeper.Bench.JobPipeline;

/// <summary>The baselines (b, c): a fresh queue table, a worker per connection, every worker looping claim → complete.</summary>
public static class QueuePipeline
{
    public static async Task<PipelineResult> MeasureAsync(
        BenchDatabase database, QueueTable table, int queuedJobs, int connections, Func<BenchDatabase, QueueTable, Task<IJobWorker>> connect, RunTiming timing)
    {
        await table.CreateAsync(database, queuedJobs);
        var workers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => connect(database, table)));
        try
        {
            return await PipelineRun.MeasureAsync(workers, timing);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }
}
