namespace Planekeeper.Grains.Interfaces.Jobs.HelmSync;

/// <summary>The fields a client sends to create or replace a helm sync job; validated by the grain.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.helm-sync-request")]
public sealed record HelmSyncJobRequest(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? RepositoryUrl,
    [property: Id(2)] string? ChartFilter,
    [property: Id(3)] string? Schedule,
    [property: Id(4)] string? CredentialName,
    [property: Id(5)] IReadOnlyDictionary<string, string>? Labels);
