using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// With the JSON console formatter and scopes (docs/configuration.md, "Logging"), every line the frontend writes is
/// one JSON object, and a line written while answering a request carries that request's trace id.
/// </summary>
public class StructuredLogTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Every_line_is_json_and_a_request_s_lines_carry_its_trace_id()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("json-logs");
        await using var frontend = PlanekeeperProcesses.StartFrontend(database, new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
        });

        // No silo: /ready answers 503 and logs why, as a warning written inside the request (the outage check writes
        // the same warning outside any request, without a trace id).
        await Eventually.ReturnsAsync(() => Http.GetAsync(new Uri(frontend.BaseAddress, "ready")), r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
            PlanekeeperProcesses.StartTimeout, "/ready answering");
        var line = await Eventually.ReturnsAsync(
            () => Task.FromResult(Lines(frontend.Process.Output).FirstOrDefault(l => l.Contains("Not ready", StringComparison.Ordinal) && l.Contains("\"RequestPath\":\"/ready\"", StringComparison.Ordinal))),
            found => found is not null, TimeSpan.FromSeconds(30), "the readiness warning");

        using var warning = JsonDocument.Parse(line!);
        Assert.Equal("Warning", warning.RootElement.GetProperty("LogLevel").GetString());
        var traceIds = warning.RootElement.GetProperty("Scopes").EnumerateArray()
            .Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
            .Select(scope => scope.GetProperty("TraceId").GetString()).ToList();
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(traceIds));
        Assert.All(Lines(frontend.Process.Output), l => JsonDocument.Parse(l).Dispose());
    }

    /// <summary>The frontend's standard output, a line each (standard error follows the marker).</summary>
    private static IEnumerable<string> Lines(string output) =>
        output.Split("\n--- stderr ---\n")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
