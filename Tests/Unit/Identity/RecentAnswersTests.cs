using Microsoft.Extensions.Time.Testing;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.Tests.Unit.Identity;

/// <summary>The frontend's short-lived answers (docs/security.md, "Verified API keys"): never used a second after they were asked for.</summary>
public class RecentAnswersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_answer_is_used_until_a_second_after_it_was_asked_for_and_never_after()
    {
        var answers = new RecentAnswers<string>(_clock);
        var askedAt = answers.Now;
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        answers.Remember(7, "accepted", askedAt);

        _clock.Advance(TimeSpan.FromMilliseconds(699));
        Assert.True(answers.TryGet(7, out var answer));
        Assert.Equal("accepted", answer);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(answers.TryGet(7, out _));
    }

    [Fact]
    public void An_answer_ends_at_its_own_end_when_that_comes_sooner_and_at_once_when_forgotten()
    {
        var answers = new RecentAnswers<string>(_clock);
        answers.Remember(7, "expiring key", answers.Now, answers.Now + TimeSpan.FromMilliseconds(200));
        answers.Remember(8, "changed key", answers.Now);

        answers.Forget(8);
        Assert.False(answers.TryGet(8, out _));
        Assert.True(answers.TryGet(7, out _));
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.False(answers.TryGet(7, out _));
    }

    [Fact]
    public void Ended_answers_are_dropped_within_a_second_while_answers_keep_coming()
    {
        var answers = new RecentAnswers<string>(_clock);
        for (var id = 0; id < 5_000; id++)
        {
            answers.Remember(id, "accepted", answers.Now);
        }

        _clock.Advance(RecentAnswers<string>.MaxAge);
        answers.Remember(5_000, "accepted", answers.Now);

        Assert.Equal(1, answers.Count);
        Assert.True(answers.TryGet(5_000, out _));
    }
}
