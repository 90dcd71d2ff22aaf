namespace Planekeeper.Grains.Jobs.HelmSync;

/// <summary>A Helm repository sync job as submitted to the API, before validation.</summary>
public sealed record HelmSyncJobInput(
    string? Name,
    string? RepositoryUrl,
    string? ChartFilter,
    string? Schedule,
    string? CredentialName,
    IReadOnlyDictionary<string, string>? Labels);
