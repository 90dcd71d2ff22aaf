namespace Planekeeper.Grains.Jobs.Gather;

/// <summary>A gather job as submitted to the API, before validation.</summary>
public sealed record GatherJobInput(
    string? Name,
    string? SourceType,
    string? ArtifactName,
    string? Schedule,
    string? CredentialName,
    string? TagFilter,
    IReadOnlyDictionary<string, string>? Labels);
