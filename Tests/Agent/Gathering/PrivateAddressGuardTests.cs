using System.Net;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Gathering.Helm;
using Planekeeper.Agent.Http;
using Planekeeper.Agent.Work;
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
        Assert.Equal(PrivateAddressRefusal.Message("127.0.0.1"), failure.Message);
        Assert.Empty(_repository.Requests);
    }

    [Fact]
    public async Task A_server_agent_checks_the_addresses_a_name_resolves_to()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather(allowPrivateAddresses: false, $"localhost:{_repository.Url.Port}/charts/podinfo"));

        Assert.False(failure.Retryable);
        Assert.Equal(PrivateAddressRefusal.Message("localhost"), failure.Message);
        Assert.DoesNotContain("127.0.0.1", failure.Message);
        Assert.Empty(_repository.Requests);
    }

    [Fact]
    public async Task A_server_agent_refuses_an_IPv6_loopback_literal()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather(allowPrivateAddresses: false, $"[::1]:{_repository.Url.Port}/charts/podinfo"));

        Assert.False(failure.Retryable);
        Assert.Equal(PrivateAddressRefusal.Message("::1"), failure.Message);
    }

    [Fact]
    public async Task A_client_agent_reaches_private_addresses()
    {
        var result = await Gather(allowPrivateAddresses: true, $"{_repository.Repository}/podinfo");

        Assert.Equal("6.6.0", Assert.Single(result.Releases).Version);
    }

    private static Task<GatherResult> Gather(bool allowPrivateAddresses, string artifact) =>
        new HelmRepositorySource(AgentHttp.CreateHandler(allowPrivateAddresses, TestHttp.FastRetries), usePlainHttp: _ => true)
            .GatherAsync(new GatherRequest("helm_repository", artifact, null, null, null), CancellationToken.None);
}
