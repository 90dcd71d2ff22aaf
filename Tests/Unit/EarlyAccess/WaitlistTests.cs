using Planekeeper.Grains.EarlyAccess;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.Tests.Unit.EarlyAccess;

public class WaitlistTests
{
    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("  Ada@Example.COM ", "ada@example.com")]
    [InlineData("not an address", null)]
    [InlineData("two@example.com, three@example.com", null)]
    [InlineData("Ada <ada@example.com>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Emails_are_trimmed_lower_cased_and_must_be_one_plain_address(string? given, string? expected) =>
        Assert.Equal(expected, WaitlistInput.NormalizeEmail(given));

    [Fact]
    public void Fields_are_trimmed_and_each_invalid_one_is_named()
    {
        var (input, errors) = WaitlistInput.Parse(" A@B.example ", "  Ada ", null, " logs ");
        Assert.Empty(errors);
        Assert.Equal(new WaitlistInput("a@b.example", "Ada", "", "logs"), input);

        var (none, refused) = WaitlistInput.Parse("nope", " ", new string('c', 201), new string('u', 2001));
        Assert.Null(none);
        Assert.Equal(["company", "email", "name", "use_case"], refused.Keys.Order());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"a\",\"b\")", "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Csv_cells_are_quoted_when_needed_and_formulas_are_defused(string? cell, string expected) =>
        Assert.Equal(expected, Csv.Cell(cell));

    [Fact]
    public void Csv_lines_end_with_crlf() =>
        Assert.Equal("h1,h2\r\n1,\"x,y\"\r\n", Csv.Write(["h1", "h2"], [["1", "x,y"]]));
}
