using Microsoft.Extensions.Logging.Abstractions;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.Tests.Unit.Api;

/// <summary>The frontend's side of a held long-poll: the engine's answer, the wait running out, the agent leaving.</summary>
public class HeldClaimsTests
{
    private static readonly TaskAssignment Task1 = new(812, 2, "gather_job", 10, 1, DateTime.UtcNow.AddSeconds(30), "{}", null);

    private readonly HeldClaims _held = new(null!, NullLogger<HeldClaims>.Instance);

    [Fact]
    public async Task The_engines_answer_ends_the_wait_with_its_task()
    {
        using var wait = _held.Open();
        var answer = wait.AnswerAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        await _held.AnswerAsync(wait.Id, Task1);

        Assert.Equal(812, (await answer)!.TaskId);
    }

    [Fact]
    public async Task A_wait_that_runs_out_ends_with_nothing_and_a_later_answer_finds_no_wait()
    {
        using var wait = _held.Open();

        Assert.Null(await wait.AnswerAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        Assert.Equal(0, _held.Count);
        await _held.AnswerAsync(wait.Id, Task1);
        Assert.Equal(0, _held.Count);
    }

    [Fact]
    public async Task A_wait_ends_with_nothing_when_the_agent_leaves_or_the_engine_says_so()
    {
        using var left = _held.Open();
        using var leaving = new CancellationTokenSource();
        var answer = left.AnswerAsync(TimeSpan.FromMinutes(1), leaving.Token);
        await leaving.CancelAsync();
        Assert.Null(await answer);

        using var stopped = _held.Open();
        var stoppedAnswer = stopped.AnswerAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        await _held.AnswerAsync(stopped.Id, null);
        Assert.Null(await stoppedAnswer);
    }

    [Fact]
    public void A_disposed_wait_is_taken_off_the_list()
    {
        var wait = _held.Open();
        Assert.Equal(1, _held.Count);
        wait.Dispose();
        Assert.Equal(0, _held.Count);
    }
}
