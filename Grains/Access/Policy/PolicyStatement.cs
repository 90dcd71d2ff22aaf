namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// One IAM-style statement: an effect over catalogue actions or action patterns ("gather-jobs:list", "releases:*",
/// "*"). The resource is always "*" because permissions are scoped by organization, not by resource.
/// </summary>
public sealed record PolicyStatement(PolicyEffect Effect, IReadOnlyList<string> Actions);
