namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// What a completed task found, by kind: releases (gather), a version (scrape) or charts (helm sync). A field of
/// another kind is refused. A gather may instead report <see cref="Unchanged"/> (its conditional request was answered
/// 304), and the upstream's <see cref="Validators"/> for the next conditional request.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.result")]
public sealed record TaskResult(
    [property: Id(0)] IReadOnlyList<FoundRelease>? Releases,
    [property: Id(1)] FoundVersion? Version,
    [property: Id(2)] IReadOnlyList<FoundChart>? Charts,
    [property: Id(3)] bool Unchanged = false,
    [property: Id(4)] UpstreamValidators? Validators = null);

/// <summary>What an upstream said identifies its answer: sent back as If-None-Match / If-Modified-Since.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.upstream-validators")]
public sealed record UpstreamValidators([property: Id(0)] string? ETag, [property: Id(1)] DateTime? LastModified);

[GenerateSerializer, Immutable, Alias("planekeeper.tasks.found-release")]
public sealed record FoundRelease(
    [property: Id(0)] string Version,
    [property: Id(1)] DateTime? ReleasedAt,
    [property: Id(2)] bool Prerelease,
    [property: Id(3)] string? AppVersion,
    [property: Id(4)] string? Digest);

[GenerateSerializer, Immutable, Alias("planekeeper.tasks.found-version")]
public sealed record FoundVersion([property: Id(0)] string Version, [property: Id(1)] string? CommitSha);

[GenerateSerializer, Immutable, Alias("planekeeper.tasks.found-chart")]
public sealed record FoundChart([property: Id(0)] string Name, [property: Id(1)] string? LatestVersion, [property: Id(2)] string? AppVersion);

/// <summary>Why a task failed; a retryable failure is tried again (up to the attempt limit).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.failure")]
public sealed record TaskFailure([property: Id(0)] string Error, [property: Id(1)] bool Retryable);
