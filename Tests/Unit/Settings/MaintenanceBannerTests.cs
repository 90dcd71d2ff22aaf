using Planekeeper.Grains.Interfaces.Settings;

namespace Planekeeper.Tests.Unit.Settings;

/// <summary>The <c>level:message</c> value of the maintenance banner.</summary>
public class MaintenanceBannerTests
{
    [Theory]
    [InlineData("warn:Database upgrade at 22:00 UTC", "warn", "Database upgrade at 22:00 UTC")]
    [InlineData(" INFO : New agent version out ", "info", "New agent version out")]
    [InlineData("critical:a: b", "critical", "a: b")]
    public void A_level_and_a_message_make_a_banner(string value, string level, string message)
    {
        Assert.Equal(new MaintenanceBanner(level, message), MaintenanceBanner.Parse(value, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_value_is_no_banner_and_no_problem(string? value)
    {
        Assert.Null(MaintenanceBanner.Parse(value, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("Database upgrade", "level:message")]
    [InlineData("urgent:Database upgrade", "info, warn or critical")]
    [InlineData("warn:", "needs a message")]
    public void Anything_else_is_refused_saying_why(string value, string reason)
    {
        Assert.Null(MaintenanceBanner.Parse(value, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_message_over_500_characters_is_refused() =>
        Assert.Contains("at most 500", Assert.IsType<string>(Parse("info:" + new string('x', 501))));

    [Fact]
    public void The_id_changes_with_the_level_or_the_message_only()
    {
        var banner = new MaintenanceBanner("warn", "upgrade");
        Assert.Equal(banner.Id, new MaintenanceBanner("warn", "upgrade").Id);
        Assert.NotEqual(banner.Id, new MaintenanceBanner("critical", "upgrade").Id);
        Assert.NotEqual(banner.Id, new MaintenanceBanner("warn", "upgrade done").Id);
    }

    private static string? Parse(string value)
    {
        MaintenanceBanner.Parse(value, out var problem);
        return problem;
    }
}
