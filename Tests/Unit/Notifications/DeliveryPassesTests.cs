using Microsoft.Extensions.Time.Testing;
using Planekeeper.Grains.Notifications.Delivery;

namespace Planekeeper.Tests.Unit.Notifications;

public class DeliveryPassesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly List<DateTime?> _scheduled = [];
    private readonly List<TimeSpan> _failures = [];

    private DeliveryPasses Passes(Func<Task<DateTime?>> pass) => new(pass, _scheduled.Add, _clock, (_, wait) => _failures.Add(wait));

    [Fact]
    public void A_pass_that_completes_at_once_does_not_keep_later_wake_ups_from_running_one()
    {
        var passes = 0;
        var runner = Passes(() => { passes++; return Task.FromResult<DateTime?>(null); });

        runner.Request();
        runner.Request();
        runner.Request();

        Assert.Equal(3, passes);
    }

    [Fact]
    public void A_wake_up_during_a_pass_runs_one_more_pass_after_it_and_then_schedules_the_next_due_attempt()
    {
        var running = new TaskCompletionSource<DateTime?>();
        var passes = 0;
        var next = _clock.GetUtcNow().UtcDateTime.AddSeconds(5);
        var runner = Passes(() => ++passes == 1 ? running.Task : Task.FromResult<DateTime?>(next));

        runner.Request();
        runner.Request();
        runner.Request();
        Assert.Equal(1, passes);
        running.SetResult(null);

        Assert.Equal(2, passes);
        Assert.Equal([next], _scheduled);
    }

    [Fact]
    public void A_failed_pass_schedules_its_own_next_try_one_second_later_doubling_up_to_a_minute_and_a_success_starts_over()
    {
        var fail = true;
        var runner = Passes(() => fail ? Task.FromException<DateTime?>(new TimeoutException("the database did not answer")) : Task.FromResult<DateTime?>(null));
        var now = _clock.GetUtcNow().UtcDateTime;

        for (var i = 0; i < 8; i++)
        {
            runner.Request();
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], _failures.Select(wait => wait.TotalSeconds));
        Assert.Equal(_failures.Select(wait => (DateTime?)(now + wait)), _scheduled);
        fail = false;
        runner.Request();
        fail = true;
        runner.Request();
        Assert.Equal(TimeSpan.FromSeconds(1), _failures[^1]);
    }
}
