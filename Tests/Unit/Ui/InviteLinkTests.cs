using Planekeeper.WebFrontend.Pages.Onboarding;

namespace Planekeeper.Tests.Unit.Ui;

public class InviteLinkTests
{
    [Theory]
    [InlineData("https://planekeeper.example.com/join/abc_DEF-123", "abc_DEF-123")]
    [InlineData("  http://127.0.0.1:8080/join/abc?utm=mail#top ", "abc")]
    [InlineData("/join/abc/", "abc")]
    [InlineData("abc_DEF-123", "abc_DEF-123")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("https://planekeeper.example.com/join/", "")]
    public void The_token_is_read_from_a_link_or_taken_as_it_is(string? pasted, string token)
    {
        Assert.Equal(token, InviteLink.Token(pasted));
    }
}
