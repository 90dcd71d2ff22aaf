using Planekeeper.Grains.Agents;

namespace Planekeeper.Tests.Unit.Agents;

public class HeldTasksTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_held_task_names_its_organization_while_its_lease_runs()
    {
        var held = new HeldTasks();
        held.Hold(7, organizationId: 3, leaseExpiresAt: Start.AddMinutes(5), now: Start);

        Assert.Equal(3, held.OrganizationOf(7, Start.AddMinutes(4)));
        Assert.Null(held.OrganizationOf(8, Start));
    }

    [Fact]
    public void An_expired_lease_is_forgotten()
    {
        var held = new HeldTasks();
        held.Hold(7, 3, Start.AddMinutes(5), Start);

        Assert.Null(held.OrganizationOf(7, Start.AddMinutes(5)));
        Assert.Equal(0, held.Count);
    }

    [Fact]
    public void Holding_another_task_drops_the_expired_ones()
    {
        var held = new HeldTasks();
        held.Hold(1, 3, Start.AddMinutes(1), Start);
        held.Hold(2, 4, Start.AddMinutes(10), Start);

        held.Hold(3, 5, Start.AddMinutes(12), Start.AddMinutes(2));

        Assert.Equal(2, held.Count);
        Assert.Equal([4, 5], held.Organizations.Order());
    }

    [Fact]
    public void A_renewal_keeps_the_task_past_its_first_lease()
    {
        var held = new HeldTasks();
        held.Hold(7, 3, Start.AddMinutes(5), Start);

        held.Renewed(7, Start.AddMinutes(10));

        Assert.Equal(3, held.OrganizationOf(7, Start.AddMinutes(8)));
    }

    [Fact]
    public void A_released_task_is_gone_and_renewing_it_brings_nothing_back()
    {
        var held = new HeldTasks();
        held.Hold(7, 3, Start.AddMinutes(5), Start);

        held.Release(7);
        held.Renewed(7, Start.AddMinutes(10));

        Assert.Null(held.OrganizationOf(7, Start));
        Assert.Equal(0, held.Count);
    }

    [Fact]
    public void Looking_up_tasks_before_any_lease_runs_out_allocates_nothing()
    {
        var held = new HeldTasks();
        held.Hold(1, 3, Start.AddMinutes(5), Start);
        held.Hold(2, 4, Start.AddMinutes(6), Start);
        _ = held.OrganizationOf(1, Start);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = held.OrganizationOf(2, Start.AddMinutes(4));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2, held.Count);
    }

    [Fact]
    public void A_lease_that_runs_out_after_others_were_checked_is_still_forgotten()
    {
        var held = new HeldTasks();
        held.Hold(1, 3, Start.AddMinutes(10), Start);
        held.Hold(2, 4, Start.AddMinutes(1), Start);
        Assert.Equal(3, held.OrganizationOf(1, Start));

        Assert.Null(held.OrganizationOf(2, Start.AddMinutes(2)));
        Assert.Equal(3, held.OrganizationOf(1, Start.AddMinutes(2)));
        Assert.Null(held.OrganizationOf(1, Start.AddMinutes(10)));
        Assert.Equal(0, held.Count);
    }
}
