namespace Planekeeper.Grains.Interfaces.Access;

/// <summary>What a recorded access change is about: an API key (by key id) or an organization's suspension (by organization id).</summary>
public enum AccessChangeKind
{
    ApiKey,
    Suspension,
}

[GenerateSerializer, Immutable, Alias("planekeeper.access.change")]
public sealed record AccessChange([property: Id(0)] long Seq, [property: Id(1)] AccessChangeKind Kind, [property: Id(2)] long SubjectId);

/// <summary>
/// The access changes recorded after a frontend's last one (docs/security.md, "Verified API keys").
/// </summary>
/// <param name="Last">The number of the last change the frontend has now been given; ask for those after it next.</param>
/// <param name="Changes">The changes after the number asked for, oldest first, up to <paramref name="Last"/>.</param>
/// <param name="StartOver">The changes after the number asked for are not all known any more (or nothing was asked
/// yet): forget every cached answer, then go on from <paramref name="Last"/>.</param>
[GenerateSerializer, Immutable, Alias("planekeeper.access.changes")]
public sealed record AccessChanges(
    [property: Id(0)] long Last,
    [property: Id(1)] IReadOnlyList<AccessChange> Changes,
    [property: Id(2)] bool StartOver);
