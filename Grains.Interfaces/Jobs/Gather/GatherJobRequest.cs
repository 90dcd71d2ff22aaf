using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Jobs.Gather;

namespace Planekeeper.Grains.Interfaces.Jobs.Gather;

/// <summary>The fields a client sends to create or replace a gather job; validated by the grain.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.gather-request")]
public sealed record GatherJobRequest(
    [property: Id(0)] string? Name,
    [property: Id(1), ValuesOf(typeof(GatherSourceTypes))] string? SourceType,
    [property: Id(2)] string? ArtifactName,
    [property: Id(3)] string? Schedule,
    [property: Id(4)] string? CredentialName,
    [property: Id(5)] string? TagFilter,
    [property: Id(6)] IReadOnlyDictionary<string, string>? Labels);
