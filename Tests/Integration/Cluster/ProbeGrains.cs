using Orleans.Placement;
using Orleans.Runtime;

namespace Planekeeper.Tests.Integration.Cluster;

// Grains that exist only to observe the cluster's storage and reminders from the tests.

public interface IStatefulProbeGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> ReadAsync();

    Task<string> SiloAsync();
}

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)] public int Count { get; set; }
}

/// <summary>Activates on the silo that first calls it, so a test knows which silo to stop.</summary>
[PreferLocalPlacement]
[GrainType("tests.stateful-probe")]
public sealed class StatefulProbeGrain([PersistentState("probe", "Default")] IPersistentState<ProbeState> state) : Grain, IStatefulProbeGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> ReadAsync() => Task.FromResult(state.State.Count);

    public Task<string> SiloAsync() => Task.FromResult(RuntimeIdentity);
}

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartTickingAsync(TimeSpan period);

    Task StopTickingAsync();

    /// <summary>How many ticks were ever received, as stored (so it survives the silo).</summary>
    Task<int> TicksAsync();
}

[GrainType("tests.reminder-probe")]
public sealed class ReminderProbeGrain([PersistentState("ticks", "Default")] IPersistentState<ProbeState> ticks) : Grain, IReminderProbeGrain, IRemindable
{
    private const string ReminderName = "tick";

    public Task StartTickingAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task StopTickingAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<int> TicksAsync()
    {
        await ticks.ReadStateAsync();
        return ticks.State.Count;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.Count++;
        await ticks.WriteStateAsync();
    }
}
