namespace Planekeeper.Agent.Server;

/// <summary>A completed task's result as the Agent API takes it: releases (gather), a version (scrape) or charts (helm sync).</summary>
/// <remarks>A gather whose conditional request was answered 304 reports <see cref="Unchanged"/>; it passes on the upstream's validators.</remarks>
public sealed record TaskReport(
    IReadOnlyList<ReportedRelease>? Releases = null,
    string? Version = null,
    string? CommitSha = null,
    IReadOnlyList<ReportedChart>? Charts = null,
    bool Unchanged = false,
    string? Etag = null,
    DateTimeOffset? LastModified = null);

public sealed record ReportedRelease(string Version, DateTimeOffset? ReleasedAt, bool Prerelease, string? AppVersion, string? Digest);

public sealed record ReportedChart(string Name, string? LatestVersion, string? AppVersion);
