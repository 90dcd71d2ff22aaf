namespace Planekeeper.Grains.Interfaces.ApiKeys;

public enum ApiKeyRejection
{
    None,
    Unknown,
    WrongSecret,
    Inactive,
    Deactivated,
    Expired,
}

/// <param name="ExpiresAt">When an accepted key expires (null: never), so that a frontend caches it no longer.</param>
[GenerateSerializer, Immutable, Alias("planekeeper.api-keys.authentication")]
public sealed record ApiKeyAuthentication(
    [property: Id(0)] long KeyId,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] ApiKeyRejection Rejection,
    [property: Id(3)] DateTime? ExpiresAt = null)
{
    public bool Accepted => Rejection == ApiKeyRejection.None;
}
