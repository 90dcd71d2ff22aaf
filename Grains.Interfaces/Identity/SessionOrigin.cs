namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>Where a sign-in came from, shown in the user's session list.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.identity.session-origin")]
public sealed record SessionOrigin([property: Id(0)] string? UserAgent, [property: Id(1)] string? IpAddress)
{
    public const int MaxUserAgentLength = 300;

    public static SessionOrigin From(string? userAgent, string? ipAddress) => new(
        userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent, ipAddress);
}
