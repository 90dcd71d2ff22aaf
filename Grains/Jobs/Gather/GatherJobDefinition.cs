namespace Planekeeper.Grains.Jobs.Gather;

/// <summary>A validated, normalized gather job. A null schedule means the job runs once.</summary>
public sealed record GatherJobDefinition(
    string Name,
    string SourceType,
    string ArtifactName,
    string? Schedule,
    string? CredentialName,
    string? TagFilter,
    IReadOnlyDictionary<string, string> Labels);
