namespace Planekeeper.Grains.Interfaces.Common;

/// <summary>
/// The versions a write may replace: those named by the caller's <c>If-Match</c> (docs/api.md, "ETags and If-Match").
/// An empty list matches nothing (only weak or foreign entity tags were sent). No condition at all is a null
/// <see cref="ExpectedVersion"/>, which is also what <c>If-Match: *</c> becomes, as the grain answers 404 for a missing resource.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.common.expected-version")]
public sealed record ExpectedVersion([property: Id(0)] IReadOnlyList<int> Versions)
{
    public static ExpectedVersion Of(int version) => new([version]);

    public bool Allows(int version) => Versions.Contains(version);

    /// <summary>
    /// True when there is no condition or <paramref name="current"/> is one of the versions. The grain asks this in
    /// its turn, before writing, so the check and the write are one step (the store's <c>WHERE version</c> guards the rest).
    /// </summary>
    public static bool Holds(ExpectedVersion? expected, int current) => expected is null || expected.Allows(current);
}
