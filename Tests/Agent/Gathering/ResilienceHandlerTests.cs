using Planekeeper.Agent.Http;
using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Agent.Gathering;

/// <summary>The in-task retries of every source's HttpClient, against a scripted upstream.</summary>
public sealed class ResilienceHandlerTests
{
    [Fact]
    public async Task Server_errors_are_retried_until_an_answer_succeeds()
    {
        await using var upstream = await ScriptedStandIn.StartAsync(new ScriptedAnswer(503), new ScriptedAnswer(500));

        using var response = await Get(upstream);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal([503, 500, 200], upstream.Requests.Select(request => request.Status));
    }

    [Fact]
    public async Task A_server_error_on_every_attempt_is_handed_on_after_the_last()
    {
        await using var upstream = await ScriptedStandIn.StartAsync(new ScriptedAnswer(502), new ScriptedAnswer(502), new ScriptedAnswer(502));

        using var response = await Get(upstream);

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal(TestHttp.FastRetries.Attempts, upstream.Requests.Count);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(400)]
    public async Task Permanent_answers_are_not_retried(int status)
    {
        await using var upstream = await ScriptedStandIn.StartAsync(new ScriptedAnswer(status));

        using var response = await Get(upstream);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(upstream.Requests);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_its_retry_after()
    {
        await using var upstream = await ScriptedStandIn.StartAsync(new ScriptedAnswer(429, Headers("Retry-After", "1")));
        var started = DateTimeOffset.UtcNow;

        using var response = await Get(upstream);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, upstream.Requests.Count);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_is_left_to_the_server()
    {
        await using var upstream = await ScriptedStandIn.StartAsync(new ScriptedAnswer(429, Headers("Retry-After", "120")));

        using var response = await Get(upstream);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Single(upstream.Requests);
    }

    [Fact]
    public async Task An_exhausted_rate_limit_is_not_retried()
    {
        await using var upstream = await ScriptedStandIn.StartAsync(new ScriptedAnswer(429, Headers("X-RateLimit-Remaining", "0")));

        using var response = await Get(upstream);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Single(upstream.Requests);
    }

    [Fact]
    public async Task An_attempt_that_takes_too_long_is_cut_off_and_retried()
    {
        await using var upstream = await ScriptedStandIn.StartAsync(new ScriptedAnswer(200, Delay: TimeSpan.FromSeconds(5)));
        var retries = TestHttp.FastRetries with { AttemptTimeout = TimeSpan.FromMilliseconds(300) };

        using var response = await Get(upstream, retries);

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_handed_on()
    {
        await using var upstream = await ScriptedStandIn.StartAsync();
        var closed = upstream.Url;
        await upstream.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => Get(closed, TestHttp.FastRetries));
    }

    private static Task<HttpResponseMessage> Get(ScriptedStandIn upstream, HttpRetryOptions? retries = null) => Get(upstream.Url, retries ?? TestHttp.FastRetries);

    private static async Task<HttpResponseMessage> Get(Uri url, HttpRetryOptions retries)
    {
        using var client = new HttpClient(AgentHttp.CreateHandler(allowPrivateAddresses: true, retries));
        return await client.GetAsync(url);
    }

    private static Dictionary<string, string> Headers(string name, string value) => new() { [name] = value };
}
