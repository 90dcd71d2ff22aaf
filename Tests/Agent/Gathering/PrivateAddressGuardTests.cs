using System.Net;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Gathering.Helm;
using Planekeeper.Agent.Http;
using Planekeeper.Agent.Work;
using Planekeeper.Networking;
using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Agent.Gathering;

/// <summary>A server agent's sources reach public addresses only; a client agent's reach anything.</summary>
public sealed class PrivateAddressGuardTests : IAsyncLifetime
{
    private HelmRepositoryStandIn _repository = null!;

    public async Task InitializeAsync() =>
        _repository = await HelmRepositoryStandIn.StartAsync(new HelmIndexBuilder().Add("podinfo", "6.6.0", "6.6.0", DateTimeOffset.UnixEpoch).Build());

    public async Task DisposeAsync() => await _repository.DisposeAsync();

    [Fact]
    public async Task A_server_agent_refuses_an_upstream_on_a_private_address_before_connecting()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather(allowPrivateAddresses: false, $"{_repository.Repository}/podinfo"));

        Assert.False(failure.Retryable);
        Assert.Equal(PrivateAddressRefusal.Message("127.0.0.1", IPAddress.Loopback), failure.Message);
        Assert.Empty(_repository.Requests);
    }

    [Fact]
    public async Task A_server_agent_checks_the_addresses_a_name_resolves_to()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather(allowPrivateAddresses: false, $"localhost:{_repository.Url.Port}/charts/podinfo"));

        Assert.False(failure.Retryable);
        Assert.StartsWith("localhost resolves to ", failure.Message);
        Assert.Empty(_repository.Requests);
    }

    [Fact]
    public async Task A_server_agent_refuses_an_IPv6_loopback_literal()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather(allowPrivateAddresses: false, $"[::1]:{_repository.Url.Port}/charts/podinfo"));

        Assert.False(failure.Retryable);
        Assert.Equal(PrivateAddressRefusal.Message("::1", IPAddress.IPv6Loopback), failure.Message);
    }

    [Fact]
    public async Task A_client_agent_reaches_private_addresses()
    {
        var result = await Gather(allowPrivateAddresses: true, $"{_repository.Repository}/podinfo");

        Assert.Equal("6.6.0", Assert.Single(result.Releases).Version);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Private_and_local_addresses_are_private(string address) => Assert.True(PrivateAddresses.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("140.82.112.3")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:140.82.112.3")]
    public void Public_addresses_are_not_private(string address) => Assert.False(PrivateAddresses.IsPrivate(IPAddress.Parse(address)));

    private static Task<GatherResult> Gather(bool allowPrivateAddresses, string artifact) =>
        new HelmRepositorySource(AgentHttp.CreateHandler(allowPrivateAddresses, TestHttp.FastRetries), usePlainHttp: _ => true)
            .GatherAsync(new GatherRequest("helm_repository", artifact, null, null, null), CancellationToken.None);
}
