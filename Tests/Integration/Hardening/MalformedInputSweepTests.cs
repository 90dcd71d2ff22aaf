using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Hosting.Input;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>
/// Every route of the route table (read at run time, so a new route is swept without anyone adding it here), every
/// malformed request of <see cref="MalformedRequests"/>, against a real silo and frontend: no 5xx, every refusal is
/// problem details (naming the field where one is at fault), both processes still ready afterwards, and a route
/// whose requests were all refused changed no row (<see cref="DatabaseSnapshot"/>).
/// </summary>
public sealed class MalformedInputSweepTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private const int Parallelism = 6;

    /// <summary>Routes that are not the API's (probes, metrics, the OpenAPI document and its reference page) and routes that end the sweep's own credentials.</summary>
    private static readonly string[] Unswept = ["/health", "/ready", "/metrics", "/openapi/{documentName}.json",
        "/api/docs/{documentName?}", "/api/docs/scalar.js", "/api/docs/scalar.aspnetcore.js", "/api/docs/favicon.svg"];

    private static readonly string[] SweptLast = ["/api/v1/agent/release-key", "/api/v1/auth/logout", "/api/v1/me/sessions"];

    [Fact]
    public async Task No_route_answers_a_malformed_request_with_a_5xx_and_refusals_change_nothing()
    {
        using var client = new SweepClient(system.Frontend.BaseAddress, system.Frontend.InternalBaseAddress);
        await client.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/login", new { email = RunningSystem.AdminEmail, password = RunningSystem.AdminPassword });
        var organization = (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/organizations", new { name = "sweep" })).GetProperty("id").GetInt64();
        var agentKey = (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "sweep agent", roles = Array.Empty<string>() }))
            .GetProperty("key").GetString()!;
        var ownerKey = (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "sweep owner", roles = new[] { "owner" } }))
            .GetProperty("key").GetString()!;
        var session = new Dictionary<string, string> { ["X-Organization-Id"] = organization.ToString() };
        using var http = new HttpClient();
        using var openApi = JsonDocument.Parse(await http.GetStringAsync(new Uri(system.Frontend.BaseAddress, "openapi/v1.json")));
        using var internalOpenApi = JsonDocument.Parse(await http.GetStringAsync(new Uri(system.Frontend.InternalBaseAddress, "openapi/internal.json")));

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var unrefusedRoutes = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var routes = RouteActions.Table
            .Where(route => !Unswept.Contains(route.Key.Pattern))
            .OrderBy(route => SweptLast.Contains(route.Key.Pattern)).ThenBy(route => route.Key.Pattern).ThenBy(route => route.Key.Method)
            .ToList();
        foreach (var ((method, pattern), access) in routes)
        {
            var description = RouteDescription.Of(method, pattern, (client.AddressFor(pattern) == system.Frontend.BaseAddress ? openApi : internalOpenApi).RootElement);
            var requests = MalformedRequests.For(description, RequestBodyLimits.For(pattern)).ToList();
            // An organization's routes are swept twice: as the owner's session and as an API key with the owner role.
            (bool SignedIn, Dictionary<string, string> Headers)[] callers = access.Kind switch
            {
                AccessKind.Public => [(false, [])],
                AccessKind.AgentKey => [(false, new() { ["X-API-Key"] = agentKey })],
                AccessKind.Organization => [(true, session), (false, new() { ["X-API-Key"] = ownerKey })],
                _ => [(true, [])],
            };

            var before = await DatabaseSnapshot.TakeAsync(system.Database.ConnectionString);
            var accepted = 0;
            var calls = callers.SelectMany(caller => requests.Select(request => (caller, request)));
            await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (call, _) =>
            {
                var (caller, request) = call;
                if (caller.SignedIn && request.ContentType == "text/plain" && request.MustRefuse)
                {
                    // A signed-in browser's form-type post is refused for its missing antiforgery token before its
                    // body is read (docs/security.md, "Browsers: CSRF, cookies, sessions").
                    request = request with { Status = 403, Field = null };
                }

                Interlocked.Increment(ref sent);
                var (status, problem) = await SendAsync(client, method, pattern, request, caller.SignedIn, caller.Headers);
                statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
                if (problem is not null)
                {
                    failures.Enqueue($"{method} {pattern} [{request.Label}] {request.Path[..Math.Min(request.Path.Length, 120)]}: {problem}");
                }

                if (status is >= 200 and < 400 && method != "GET")
                {
                    Interlocked.Increment(ref accepted);
                }
            });

            var changed = (await DatabaseSnapshot.TakeAsync(system.Database.ConnectionString)).ChangedSince(before);
            if (accepted > 0)
            {
                unrefusedRoutes.Add($"{method} {pattern}: {accepted} accepted{(changed.Count > 0 ? $", wrote {string.Join(", ", changed)}" : "")}");
            }
            else if (changed.Count > 0)
            {
                failures.Enqueue($"{method} {pattern}: every request was refused, yet {string.Join(", ", changed)} changed");
            }
        }

        output.WriteLine($"malformed-input sweep: {sent} requests to {routes.Count} routes in {clock.Elapsed.TotalSeconds:0} s");
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        output.WriteLine($"routes that accepted some request (not checked for writes): {unrefusedRoutes.Count}");
        foreach (var route in unrefusedRoutes)
        {
            output.WriteLine("  " + route);
        }

        await AssertStillServingAsync();
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(60)));
        Assert.True(sent >= 10_000, $"only {sent} requests were sent");
    }

    private static async Task<(int Status, string? Problem)> SendAsync(
        SweepClient client, string method, string pattern, SweepRequest request, bool signedIn, IReadOnlyDictionary<string, string> headers)
    {
        try
        {
            using var response = await client.SendAsync(method, request, signedIn, headers);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            return (status, SweepAnswer.Problem(pattern, request, status, response.Content.Headers.ContentType?.MediaType, text));
        }
        catch (HttpRequestException e) when (request.Status == 413)
        {
            // The server may answer 413 and close before the client has sent the whole body; that is a refusal.
            return (413, e.InnerException is IOException ? null : $"failed: {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, $"no answer: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task AssertStillServingAsync()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var silo in system.Silos)
        {
            Assert.False(silo.Process.HasExited, "a silo exited:\n" + silo.Process.Output);
            Assert.True((await probe.GetAsync($"http://127.0.0.1:{silo.HealthPort}/health")).IsSuccessStatusCode, "a silo stopped answering /health");
        }

        Assert.False(system.Frontend.Process.HasExited, "the frontend exited:\n" + system.Frontend.Process.Output);
        Assert.True((await probe.GetAsync(new Uri(system.Frontend.BaseAddress, "ready"))).IsSuccessStatusCode, "the frontend stopped answering /ready");
    }
}
