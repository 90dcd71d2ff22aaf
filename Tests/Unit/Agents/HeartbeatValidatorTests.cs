using Planekeeper.Grains.Agents;
using Planekeeper.Grains.Interfaces.Agents;

namespace Planekeeper.Tests.Unit.Agents;

public class HeartbeatValidatorTests
{
    [Fact]
    public void Capabilities_default_to_all_and_credentials_keep_names_and_types()
    {
        var result = HeartbeatValidator.Validate(new AgentHeartbeat(" edge-1 ", "2.0", null, [new AgentCredential("repo", "https_pat")]));

        Assert.True(result.IsValid);
        Assert.Equal("edge-1", result.Value!.Name);
        Assert.Equal(["gather", "scrape", "helm_sync"], result.Value.Capabilities);
    }

    [Theory]
    [InlineData("", "gather", "repo", "ssh_key", "agent_name")]
    [InlineData("edge", "fly", "repo", "ssh_key", "capabilities")]
    [InlineData("edge", "gather", "bad name", "ssh_key", "credentials[0].name")]
    [InlineData("edge", "gather", "repo", "password", "credentials[0].type")]
    public void Each_bad_field_is_named(string name, string capability, string credential, string type, string field)
    {
        var result = HeartbeatValidator.Validate(new AgentHeartbeat(name, "1", [capability], [new AgentCredential(credential, type)]));

        Assert.Equal([field], result.Errors.Keys);
    }
}
