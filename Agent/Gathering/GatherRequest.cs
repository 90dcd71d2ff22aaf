using Planekeeper.Agent.Configuration;

namespace Planekeeper.Agent.Gathering;

/// <summary>
/// One gather: the job's source and artifact as the server sent them, the credential it names (resolved from the
/// agent's config, or null), and the validators of the last fetch of this upstream for a conditional request.
/// </summary>
public sealed record GatherRequest(string SourceType, string ArtifactName, string? TagFilter, AgentCredential? Credential, UpstreamValidators? Previous);

/// <summary>What a server said identifies its answer: sent back as If-None-Match / If-Modified-Since.</summary>
public sealed record UpstreamValidators(string? ETag, DateTimeOffset? LastModified);
