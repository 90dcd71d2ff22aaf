using Planekeeper.ApiKeys;

namespace Planekeeper.Tests.Unit.Identity;

public class ApiKeyFormatTests
{
    [Fact]
    public void A_formatted_key_parses_back()
    {
        var secret = new string('a', 43);

        Assert.True(ApiKeyFormat.TryParse(ApiKeyFormat.Format(42, secret), out var id, out var parsed));
        Assert.Equal(42, id);
        Assert.Equal(secret, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pk_42")]
    [InlineData("pk_x_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("pk_-1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("pk_0_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("pk_42_short")]
    [InlineData("sk_42_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Malformed_keys_are_refused(string? value)
    {
        Assert.False(ApiKeyFormat.TryParse(value, out _, out _));
    }
}
