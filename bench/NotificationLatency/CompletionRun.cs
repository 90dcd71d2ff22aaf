using System.Collections.Concurrent;
using System.Diagnostics;
using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.NotificationLatency;

/// <summary>
/// One measured run: a fresh <see cref="AlertingOrganization"/>, its gather job run first, then every scrape job
/// completed by <c>agents</c> agents (paced, or as fast as they can), each completion raising one alert whose
/// <c>alert.created</c> webhook the receiver times. Latency: from the completion call to the webhook's arrival.
/// </summary>
public static class CompletionRun
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(3);

    /// <param name="Completed">From the first completion until every job was completed.</param>
    /// <param name="Delivered">From the first completion until every webhook arrived.</param>
    /// <param name="Cpu">Where the CPU went from the first completion until the last webhook arrived.</param>
    /// <param name="RoundTrips">The silo's database round trips in that window, and their total duration.</param>
    /// <param name="Steps">Those round trips per alert by step of the path.</param>
    public sealed record Outcome(
        List<double> Milliseconds, TimeSpan Completed, TimeSpan Delivered, CpuUse? Cpu, (long Operations, TimeSpan Duration) RoundTrips, string Steps)
    {
        public double RoundTripsPerAlert => (double)RoundTrips.Operations / Milliseconds.Count;

        public string Resources() =>
            $"{Cpu}\n               silo database round trips: {RoundTripsPerAlert:F1} per alert, " +
            $"{RoundTrips.Duration.TotalMilliseconds / Math.Max(1, RoundTrips.Operations):F2} ms each\n" +
            $"               by step, per alert: {Steps}";
    }

    public static async Task<Outcome> MeasureAsync(
        IGrainFactory grains, BenchDatabase database, long ownerUserId, Receiver receiver, string prefix, int count, int agentCount, TimeSpan interval)
    {
        var alerting = await AlertingOrganization.CreateAsync(grains, database, ownerUserId, prefix, count, receiver.Url);
        var agents = new List<ScrapeAgent>();
        for (var i = 0; i < agentCount; i++)
        {
            agents.Add(await ScrapeAgent.HeartbeatAsync(grains, alerting.Organization, $"{prefix}agent-{i}"));
        }

        await agents[0].GatherAsync();
        await UntilAsync(() => EvaluatedAsync(database, alerting.Organization.Id), evaluated => evaluated == count, "the gather job's evaluations");

        var completions = new ConcurrentBag<(long JobId, long CompletedAt)>();
        var slot = -1;
        var cpu = new CpuMeter(await database.PostmasterProcessIdAsync());
        using var roundTrips = new DatabaseOperationMeter(PlanekeeperSilo.ApplicationName);
        using var steps = new RoundTripSteps();
        cpu.Sample();
        roundTrips.Sample();
        steps.Open();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(agents.Select(async agent =>
        {
            while (true)
            {
                await Pacing.WaitForSlotAsync(start, Interlocked.Increment(ref slot), interval);
                if (await agent.CompleteNextAsync() is not { } completion)
                {
                    return;
                }

                completions.Add(completion);
            }
        }));
        var completed = Stopwatch.GetElapsedTime(start);

        await UntilAsync(() => Task.FromResult(completions.Count(c => receiver.TryArrival(alerting.ConfigNameByScrapeJob[c.JobId], out _))),
            arrived => arrived == count, "every alert.created webhook");
        var delivered = Stopwatch.GetElapsedTime(start);
        cpu.Sample();
        roundTrips.Sample();
        steps.Close();
        var latencies = completions.Select(c =>
        {
            receiver.TryArrival(alerting.ConfigNameByScrapeJob[c.JobId], out var arrived);
            return Stopwatch.GetElapsedTime(c.CompletedAt, arrived).TotalMilliseconds;
        }).ToList();
        var window = roundTrips.InWindow();
        return new Outcome(latencies, completed, delivered, cpu.Summarize(), window, steps.PerAlert(window.Operations, count));
    }

    private static Task<long> EvaluatedAsync(BenchDatabase database, long organizationId) =>
        database.ScalarAsync<long>("SELECT count(*) FROM alert_configs WHERE organization_id = @organization AND evaluated_at IS NOT NULL", ("organization", organizationId));

    private static async Task UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!done(await read()))
        {
            if (Stopwatch.GetElapsedTime(started) > DeliveryTimeout)
            {
                throw new TimeoutException($"waited {DeliveryTimeout} for {what}");
            }

            await Task.Delay(20);
        }
    }
}
