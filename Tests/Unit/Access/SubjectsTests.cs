using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class SubjectsTests
{
    [Fact]
    public void Subjects_and_domains_are_spelled_prefix_colon_id()
    {
        Assert.Equal("user:6", Subjects.User(6));
        Assert.Equal("apikey:7", Subjects.ApiKey(7));
        Assert.Equal("org:2", Subjects.Domain(2));
        Assert.Equal("user:-1", Subjects.User(-1));
        Assert.Equal("org:9223372036854775807", Subjects.Domain(long.MaxValue));
    }
}
