namespace Planekeeper.Grains.Jobs.HelmSync;

/// <summary>A validated Helm repository sync job; the URL has no trailing slash. A null schedule means the job runs once.</summary>
public sealed record HelmSyncJobDefinition(
    string Name,
    string RepositoryUrl,
    string? ChartFilter,
    string? Schedule,
    string? CredentialName,
    IReadOnlyDictionary<string, string> Labels);
