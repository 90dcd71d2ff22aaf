using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>The request limit per API key, user and client address, counted in the cluster for every frontend.</summary>
public class RateLimitTests(FloodDefenceSystem system) : IClassFixture<FloodDefenceSystem>
{
    private const int Limit = FloodDefenceSystem.RequestLimit;

    [Fact]
    public async Task An_api_key_gets_the_configured_number_of_requests_across_two_frontends()
    {
        using var owner = system.Client(from: FloodDefenceSystem.NewAddress());
        await owner.SignUpAsync("key-owner@example.com");
        var organization = await owner.CreateOrganizationAsync("Limited org");
        var (_, key) = await owner.CreateApiKeyAsync("limited", "member");

        using var first = new ApiClient(system.Frontend.BaseAddress) { ApiKey = key, OrganizationId = organization };
        using var second = new ApiClient(system.Second.BaseAddress) { ApiKey = key, OrganizationId = organization };
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2 * Limit; i++)
        {
            responses.Add(await (i % 2 == 0 ? first : second).GetAsync("/api/v1/gather-jobs"));
        }

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(accepted, Limit * 9 / 10, Limit * 11 / 10);
        Assert.Equal(2 * Limit - accepted, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(accepted / 2, responses.Where((_, i) => i % 2 == 1).Count(r => r.StatusCode == HttpStatusCode.OK)); // one budget, drawn from by both
    }

    [Fact]
    public async Task An_address_over_its_limit_gets_problem_details_with_retry_after_and_other_addresses_do_not()
    {
        var address = FloodDefenceSystem.NewAddress();
        using var one = system.Client(from: address);
        using var two = system.Client(system.Second, from: address);
        for (var i = 0; i < Limit; i++)
        {
            await (i % 2 == 0 ? one : two).ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
        }

        using var refused = await one.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains($"{Limit} requests", problem.GetProperty("detail").GetString());
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))), 1, 3600);
        await two.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Get, "/api/v1/me");

        using var otherAddress = system.Client(system.Second, from: FloodDefenceSystem.NewAddress());
        await otherAddress.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
    }

    [Fact]
    public async Task The_agent_api_and_the_probes_are_exempt()
    {
        using var client = system.Client(from: FloodDefenceSystem.NewAddress());
        for (var i = 0; i < Limit; i++)
        {
            await client.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
        }

        await client.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Get, "/api/v1/me");
        for (var i = 0; i < 3; i++)
        {
            await client.OkAsync(HttpMethod.Get, "/health");
            await client.OkAsync(HttpMethod.Get, "/ready");
            await client.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "a", version = "1", capabilities = Array.Empty<string>(), credentials = Array.Empty<object>() });
        }
    }
}
