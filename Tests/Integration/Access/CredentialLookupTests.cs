using System.Net;
using Orleans.Runtime;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// Unknown session cookies and API keys must not cost a grain activation (and its database query) each: the count
/// of activations in the silo shows how many reached the cluster.
/// </summary>
public class CredentialLookupTests(FloodDefenceSystem system) : IClassFixture<FloodDefenceSystem>
{
    private const int Limit = FloodDefenceSystem.RequestLimit;

    [Fact]
    public async Task Malformed_cookies_and_keys_never_reach_the_cluster()
    {
        var sessionsBefore = await ActivationsAsync("SessionGrain");
        var keysBefore = await ActivationsAsync("ApiKeyGrain");
        using var client = system.Client(system.Unthrottled, FloodDefenceSystem.NewAddress());

        for (var i = 0; i < 20; i++)
        {
            using var session = await client.SendAsync(HttpMethod.Get, "/api/v1/me", configure: r => r.Headers.Add("Cookie", $"planekeeper_session=not-a-token-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
            using var key = await client.SendAsync(HttpMethod.Get, "/api/v1/me", configure: r => r.Headers.Add("X-API-Key", $"pk_{1000 + i}_{new string('a', 40)}"));
            Assert.Equal(HttpStatusCode.Unauthorized, key.StatusCode);
        }

        Assert.Equal(sessionsBefore, await ActivationsAsync("SessionGrain"));
        Assert.Equal(keysBefore, await ActivationsAsync("ApiKeyGrain"));
    }

    [Fact]
    public async Task A_flood_of_distinct_unknown_session_cookies_activates_at_most_the_address_limit()
    {
        var before = await ActivationsAsync("SessionGrain");
        using var client = system.Client(from: FloodDefenceSystem.NewAddress());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3 * Limit; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/me", configure: r => r.Headers.Add("Cookie", $"planekeeper_session={SecretToken.New()}"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Limit, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(2 * Limit, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.InRange(await ActivationsAsync("SessionGrain") - before, Limit, Limit + 1);
    }

    [Fact]
    public async Task A_flood_of_unknown_api_key_ids_activates_at_most_the_address_limit()
    {
        var before = await ActivationsAsync("ApiKeyGrain");
        using var client = system.Client(from: FloodDefenceSystem.NewAddress());
        for (var i = 0; i < 3 * Limit; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/me", configure: r => r.Headers.Add("X-API-Key", $"pk_{500_000 + i}_{SecretToken.New()}"));
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });
        }

        Assert.InRange(await ActivationsAsync("ApiKeyGrain") - before, Limit, Limit + 1);
    }

    private async Task<int> ActivationsAsync(string grainClass)
    {
        var statistics = await system.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(grainClass, StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
