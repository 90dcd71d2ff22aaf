using Planekeeper.Agent.Configuration;

namespace Planekeeper.Agent.Scraping;

/// <summary>One scrape, as the server sent the job (field names as in the task's <c>job</c> object), with its credential resolved.</summary>
public sealed record ScrapeRequest(
    string RepositoryUrl,
    string Ref,
    string TargetFile,
    string ParseType,
    string ParseExpression,
    string VersionTransform,
    AgentCredential? Credential);

/// <summary>The deployed version found (after the version transform) and the commit it was read at.</summary>
public sealed record ScrapeResult(string Version, string CommitSha);
