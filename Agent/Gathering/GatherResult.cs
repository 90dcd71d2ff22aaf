namespace Planekeeper.Agent.Gathering;

/// <summary>
/// What a gather found: the releases (after the tag filter), or <see cref="Unchanged"/> when the upstream answered
/// 304 to a conditional request (no releases then). Validators to send next time, and the upstream's remaining
/// rate-limit quota when it says so (GitHub).
/// </summary>
public sealed record GatherResult(
    bool Unchanged,
    IReadOnlyList<GatheredRelease> Releases,
    UpstreamValidators? Validators,
    RateLimitStatus? RateLimit);

/// <summary>One upstream version: the tag as published, its date, whether it is a prerelease.</summary>
public sealed record GatheredRelease(string Version, DateTimeOffset? ReleasedAt, bool Prerelease, string? AppVersion = null, string? Digest = null);

/// <summary>An upstream's rate-limit quota as its last answer reported it.</summary>
public sealed record RateLimitStatus(int Limit, int Remaining, DateTimeOffset ResetsAt);
