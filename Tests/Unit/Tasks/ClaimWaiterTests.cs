using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

/// <summary>A wait the frontend holds takes jobs until a second before it ends (docs/architecture.md, "Long-polls held by the frontend").</summary>
public class ClaimWaiterTests
{
    private static readonly ClaimingAgent Agent = new(7, 1, ["gather"], []);
    private static readonly DateTime Now = new(2026, 12, 6, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_held_wait_takes_jobs_until_the_margin_before_it_ends()
    {
        var waiter = ClaimWaiter.HeldBy(Agent, new HeldClaim(null!, 1, TimeSpan.FromSeconds(25)), Now);

        Assert.False(waiter.IsOver(Now + TimeSpan.FromSeconds(23.9)));
        Assert.True(waiter.IsOver(Now + TimeSpan.FromSeconds(24)));
        Assert.Null(waiter.Answer);
    }

    [Fact]
    public void A_waiting_call_is_never_over_by_time_its_own_delay_ends_it()
    {
        var waiter = ClaimWaiter.InCall(Agent);

        Assert.False(waiter.IsOver(DateTime.MaxValue.AddTicks(-1)));
        waiter.Give(null);
        Assert.True(waiter.Answer!.Task.IsCompleted);
    }
}
