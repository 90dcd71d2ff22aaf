namespace Planekeeper.Grains.Jobs;

/// <summary>A gather job as a client sent it, before validation.</summary>
public sealed record GatherJobInput(
    string? Name, string? SourceType, string? ArtifactName, string? Schedule, string? CredentialName, string? TagFilter,
    IReadOnlyDictionary<string, string>? Labels);

/// <summary>A valid gather job: artifact name normalized, optional fields null when absent.</summary>
public sealed record GatherJobDefinition(
    string Name, string SourceType, string ArtifactName, string? Schedule, string? CredentialName, string? TagFilter,
    IReadOnlyDictionary<string, string> Labels);
