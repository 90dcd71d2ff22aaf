using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.Tests.Unit.Identity;

public class CrossSiteRequestPolicyTests
{
    private static readonly PublicOrigin Public = PublicOrigin.Parse("https://planekeeper.example.com/some/path")!;

    [Theory]
    [InlineData("GET", null, null)]
    [InlineData("HEAD", "https://evil.example", "cross-site")]
    [InlineData("OPTIONS", null, null)]
    [InlineData("POST", "https://planekeeper.example.com", null)]
    [InlineData("POST", "https://PLANEKEEPER.example.com", "same-origin")]
    [InlineData("DELETE", null, "same-origin")]
    [InlineData("PUT", "https://planekeeper.example.com", "same-origin")]
    public void Safe_methods_and_same_origin_writes_pass(string method, string? origin, string? fetchSite) =>
        Assert.Null(CrossSiteRequestPolicy.Refusal(method, origin, fetchSite, Public));

    [Theory]
    [InlineData("POST", null, null)]
    [InlineData("POST", "https://evil.example", null)]
    [InlineData("POST", "null", null)]
    [InlineData("POST", "http://planekeeper.example.com", null)]
    [InlineData("POST", "https://planekeeper.example.com:8443", null)]
    [InlineData("PATCH", null, "cross-site")]
    [InlineData("DELETE", null, "same-site")]
    [InlineData("POST", "https://planekeeper.example.com", "cross-site")]
    [InlineData("PUT", "https://evil.example", "same-origin")]
    public void Foreign_or_unnamed_writes_are_refused(string method, string? origin, string? fetchSite) =>
        Assert.NotNull(CrossSiteRequestPolicy.Refusal(method, origin, fetchSite, Public));

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000", true)]
    [InlineData("https://planekeeper.example.com:443", "https://planekeeper.example.com", false)]
    [InlineData("https://planekeeper.example.com:8443/x", "https://planekeeper.example.com:8443", false)]
    public void The_public_url_gives_the_origin_and_the_cookie_mode(string url, string origin, bool plainHttp)
    {
        var parsed = PublicOrigin.Parse(url)!;
        Assert.Equal(origin, parsed.Origin);
        Assert.Equal(plainHttp, parsed.IsPlainHttp);
        Assert.Equal(plainHttp ? "planekeeper_session" : "__Host-planekeeper_session", SessionCookie.Name(parsed));
    }

    [Theory]
    [InlineData("ftp://planekeeper.example.com")]
    [InlineData("planekeeper.example.com")]
    [InlineData("https://user:pw@planekeeper.example.com")]
    public void Other_public_urls_are_refused(string url) => Assert.Null(PublicOrigin.Parse(url));
}
