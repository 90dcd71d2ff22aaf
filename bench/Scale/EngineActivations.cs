using Planekeeper.Grains.Tasks;

namespace Planekeeper.Bench.Scale;

/// <summary>How many task engines are active in the silo, from Orleans' management grain (which activates none).</summary>
public static class EngineActivations
{
    public static async Task<int> CountAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(statistic => statistic.GrainType.Contains(nameof(TaskEngineGrain), StringComparison.Ordinal)).Sum(statistic => statistic.ActivationCount);
    }

    /// <summary>Polls until no engine is active; returns how long that took.</summary>
    public static async Task<TimeSpan> WaitUntilNoneAsync(IGrainFactory grains, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await CountAsync(grains) > 0)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{await CountAsync(grains)} task engines still active after {timeout}");
            }

            await Task.Delay(500);
        }

        return clock.Elapsed;
    }
}
