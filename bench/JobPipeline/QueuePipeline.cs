using Npgsql;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>A baseline figure: the run and where the CPU went.</summary>
public sealed record BaselineResult(PipelineResult Run, CpuUse? Cpu);

/// <summary>
/// The baselines (b, c): a fresh queue table, a worker per connection (connections of its own, closed afterwards),
/// every worker looping claim → complete.
/// </summary>
public static class QueuePipeline
{
    public static async Task<BaselineResult> MeasureAsync(
        BenchDatabase database, QueueTable table, int queuedJobs, int connections, Func<NpgsqlDataSource, QueueTable, Task<IJobWorker>> connect, RunTiming timing)
    {
        await table.CreateAsync(database, queuedJobs);
        await using var dataSource = database.CreateDataSource(connections);
        var workers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => connect(dataSource, table)));
        try
        {
            var cpu = new CpuMeter(await database.PostmasterProcessIdAsync());
            var run = await PipelineRun.MeasureAsync(workers, timing, () =>
            {
                cpu.Sample();
                return Task.CompletedTask;
            });
            return new BaselineResult(run, cpu.Summarize());
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
