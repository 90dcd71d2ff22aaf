using Microsoft.Extensions.Time.Testing;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.Tests.Unit.Identity;

/// <summary>
/// The frontend's cached answers (docs/security.md, "Verified API keys"): used a second after they were asked for, and
/// longer — up to five minutes — only while the access change feed, read within the last second, has no change of them
/// from after they were asked for.
/// </summary>
public class RecentAnswersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly AccessCacheObserver _cache;

    public RecentAnswersTests() => _cache = new AccessCacheObserver(null!, _clock);

    private RecentAnswers<(string KeyHash, Grains.Interfaces.ApiKeys.ApiKeyAuthentication Authentication)> Keys => _cache.ApiKeys;

    [Fact]
    public void Without_the_feed_an_answer_is_used_until_a_second_after_it_was_asked_for_and_never_after()
    {
        var answers = new RecentAnswers<string>(_clock, new AccessChangeCursor());
        var lookup = answers.StartLookup();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        answers.Remember(7, "accepted", lookup);

        _clock.Advance(TimeSpan.FromMilliseconds(699));
        Assert.True(answers.TryGet(7, out var answer));
        Assert.Equal("accepted", answer);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(answers.TryGet(7, out _));
    }

    [Fact]
    public void An_answer_ends_at_its_own_end_when_that_comes_sooner_and_at_once_when_forgotten()
    {
        ReadFeed(new AccessChanges(0, [], StartOver: true));
        var answers = _cache.Suspensions;
        answers.Remember(7, null, answers.StartLookup(), answers.Now + TimeSpan.FromMilliseconds(1_500));
        answers.Remember(8, null, answers.StartLookup());

        answers.Forget(8);
        Assert.False(answers.TryGet(8, out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1_200));
        ReadFeed(new AccessChanges(0, [], StartOver: false));
        Assert.True(answers.TryGet(7, out _));
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(answers.TryGet(7, out _));
    }

    [Fact]
    public void While_the_feed_is_read_every_second_an_unchanged_answer_is_used_for_five_minutes()
    {
        ReadFeed(new AccessChanges(5, [], StartOver: true));
        Keys.Remember(7, ("hash", Accepted(7)), Keys.StartLookup());

        for (var elapsed = TimeSpan.Zero; elapsed < AnswerLifetimes.Confirmed - TimeSpan.FromMilliseconds(250); elapsed += TimeSpan.FromMilliseconds(250))
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            ReadFeed(new AccessChanges(5, [], StartOver: false));
            Assert.True(Keys.TryGet(7, out _), $"used {elapsed.TotalSeconds:0.00} s in");
        }

        _clock.Advance(TimeSpan.FromMilliseconds(250));
        ReadFeed(new AccessChanges(5, [], StartOver: false));
        Assert.False(Keys.TryGet(7, out _));
    }

    [Fact]
    public void When_the_feed_was_last_read_more_than_a_second_ago_an_answer_older_than_a_second_is_not_used()
    {
        ReadFeed(new AccessChanges(5, [], StartOver: true));
        Keys.Remember(7, ("hash", Accepted(7)), Keys.StartLookup());
        _clock.Advance(TimeSpan.FromMilliseconds(900));
        ReadFeed(new AccessChanges(5, [], StartOver: false));

        _clock.Advance(TimeSpan.FromMilliseconds(1_000));
        Assert.True(Keys.TryGet(7, out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(Keys.TryGet(7, out _));
    }

    [Fact]
    public void A_change_the_feed_brings_ends_the_answer_even_one_remembered_after_it_that_was_asked_for_before()
    {
        ReadFeed(new AccessChanges(5, [], StartOver: true));
        var before = Keys.StartLookup();
        ReadFeed(new AccessChanges(6, [new AccessChange(6, AccessChangeKind.ApiKey, 7)], StartOver: false));
        // The answer to a lookup sent before change 6 was applied arrives after it: the grain may have answered before the change.
        Keys.Remember(7, ("hash", Accepted(7)), before);
        Keys.Remember(8, ("hash", Accepted(8)), before);
        Assert.True(Keys.TryGet(7, out _));

        _clock.Advance(AnswerLifetimes.Unconfirmed);
        ReadFeed(new AccessChanges(6, [], StartOver: false));
        Assert.False(Keys.TryGet(7, out _));
        Assert.True(Keys.TryGet(8, out _));
    }

    [Fact]
    public void An_answer_asked_for_after_its_change_was_applied_is_used_beyond_its_second()
    {
        ReadFeed(new AccessChanges(5, [], StartOver: true));
        ReadFeed(new AccessChanges(6, [new AccessChange(6, AccessChangeKind.ApiKey, 7)], StartOver: false));
        Keys.Remember(7, ("hash", Accepted(7)), Keys.StartLookup());

        _clock.Advance(TimeSpan.FromSeconds(30));
        ReadFeed(new AccessChanges(6, [], StartOver: false));
        Assert.True(Keys.TryGet(7, out _));
    }

    [Fact]
    public void A_change_of_a_suspension_does_not_end_an_api_key_with_the_same_id()
    {
        ReadFeed(new AccessChanges(5, [], StartOver: true));
        Keys.Remember(7, ("hash", Accepted(7)), Keys.StartLookup());
        _cache.Suspensions.Remember(7, null, _cache.Suspensions.StartLookup());

        ReadFeed(new AccessChanges(6, [new AccessChange(6, AccessChangeKind.Suspension, 7)], StartOver: false));
        _clock.Advance(TimeSpan.FromSeconds(2));
        ReadFeed(new AccessChanges(6, [], StartOver: false));
        Assert.True(Keys.TryGet(7, out _));
        Assert.False(_cache.Suspensions.TryGet(7, out _));
    }

    [Fact]
    public void Starting_over_forgets_every_answer_and_none_asked_for_before_it_is_kept_beyond_its_second()
    {
        ReadFeed(new AccessChanges(5, [], StartOver: true));
        var before = Keys.StartLookup();
        Keys.Remember(7, ("hash", Accepted(7)), before);

        ReadFeed(new AccessChanges(40, [], StartOver: true));
        Assert.False(Keys.TryGet(7, out _));
        Keys.Remember(7, ("hash", Accepted(7)), before);
        Keys.Remember(8, ("hash", Accepted(8)), Keys.StartLookup());
        _clock.Advance(AnswerLifetimes.Unconfirmed);
        ReadFeed(new AccessChanges(40, [], StartOver: false));
        Assert.False(Keys.TryGet(7, out _));
        Assert.True(Keys.TryGet(8, out _));
    }

    [Fact]
    public void Answers_asked_for_before_the_first_read_of_the_feed_are_kept_a_second_only()
    {
        Keys.Remember(7, ("hash", Accepted(7)), Keys.StartLookup());
        ReadFeed(new AccessChanges(0, [], StartOver: true));

        _clock.Advance(AnswerLifetimes.Unconfirmed);
        ReadFeed(new AccessChanges(0, [], StartOver: false));
        Assert.False(Keys.TryGet(7, out _));
    }

    [Fact]
    public void Ended_answers_are_dropped_within_a_second_while_answers_keep_coming()
    {
        var answers = new RecentAnswers<string>(_clock, new AccessChangeCursor());
        for (var id = 0; id < 5_000; id++)
        {
            answers.Remember(id, "accepted", answers.StartLookup());
        }

        _clock.Advance(AnswerLifetimes.Unconfirmed);
        answers.Remember(5_000, "accepted", answers.StartLookup());

        Assert.Equal(1, answers.Count);
        Assert.True(answers.TryGet(5_000, out _));
    }

    private void ReadFeed(AccessChanges changes) => _cache.Apply(changes, _clock.GetUtcNow());

    private static Grains.Interfaces.ApiKeys.ApiKeyAuthentication Accepted(long id) => new(id, 1, Grains.Interfaces.ApiKeys.ApiKeyRejection.None);
}
