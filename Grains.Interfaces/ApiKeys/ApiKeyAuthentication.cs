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

[GenerateSerializer, Immutable, Alias("planekeeper.api-keys.authentication")]
public sealed record ApiKeyAuthentication(
    [property: Id(0)] long KeyId,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] ApiKeyRejection Rejection)
{
    public bool Accepted => Rejection == ApiKeyRejection.None;
}
