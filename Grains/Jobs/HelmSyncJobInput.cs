namespace Planekeeper.Grains.Jobs;

/// <summary>A helm sync job as a client sent it, before validation.</summary>
public sealed record HelmSyncJobInput(
    string? Name, string? RepositoryUrl, string? ChartFilter, string? Schedule, string? CredentialName, IReadOnlyDictionary<string, string>? Labels);

/// <summary>A valid helm sync job: the repository address without a trailing slash.</summary>
public sealed record HelmSyncJobDefinition(
    string Name, string RepositoryUrl, string? ChartFilter, string? Schedule, string? CredentialName, IReadOnlyDictionary<string, string> Labels);
