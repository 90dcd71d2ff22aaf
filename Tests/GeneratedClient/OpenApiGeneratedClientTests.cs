using Planekeeper.Tests.Agent.Scraping;
using Planekeeper.Tests.Agent.Support;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.GeneratedClient;

/// <summary>
/// A client NSwag generates at test time from the served <c>/openapi/v1.json</c> drives the product with an API key
/// alone (docs/api.md, "Generating a client"): <c>Scenario.cs.txt</c>, written against the generated types, takes a
/// gather job and a scrape job, run by the real Agent program against a stand-in GitHub and a git repository, to an
/// acknowledged alert and its history. What the generated client cannot express is a fault of the description.
/// </summary>
public sealed class OpenApiGeneratedClientTests(RunningSystem system) : IClassFixture<RunningSystem>, IDisposable
{
    // The chart says appVersion "1.27.2": two majors behind v3.0.0, "high" by the scenario's rule.
    private static readonly StandInRelease[] Releases =
    [
        new(1, "v1.27.2", DateTimeOffset.Parse("2026-01-10T00:00:00Z")),
        new(2, "v2.0.0", DateTimeOffset.Parse("2026-04-10T00:00:00Z")),
        new(3, "v3.0.0", DateTimeOffset.Parse("2026-09-10T00:00:00Z")),
    ];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly DeploymentRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_client_generated_from_the_public_document_takes_two_jobs_to_an_acknowledged_alert_with_an_api_key()
    {
        var document = await Http.GetStringAsync(new Uri(system.Frontend.BaseAddress, "openapi/v1.json"));
        var client = await GeneratedClient.CompileAsync(document, ("Scenario.cs", ScenarioSource()));
        await using var github = await GitHubStandIn.StartAsync(standIn => standIn.AddRepository("acme", "nginx", Releases));
        var (owner, agentKey) = await system.OrganizationAsync("generated-client");
        var (_, key) = await owner.CreateApiKeyAsync("generated client", "admin");
        owner.Dispose();
        await using var agent = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, new Dictionary<string, string>
        {
            ["AGENT_API_KEY"] = agentKey, ["AGENT_NAME"] = "generated-client-agent", ["GITHUB_API_URL"] = github.Url.ToString(),
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-API-Key", key);

        var seen = await RunScenarioAsync(client, http, agent);

        Assert.Equal("web prod", seen["config.name"]);
        Assert.Equal("web prod", seen["alert.config"]);
        Assert.Equal("High", seen["alert.severity"]);
        Assert.Equal("v1.27.2", seen["alert.discovered"]);
        Assert.Equal("v3.0.0", seen["alert.latest"]);
        Assert.Equal("True", seen["alert.acknowledged"]);
        Assert.Equal("OPS-42", seen["alert.ticket"]);
        Assert.Equal("created,acknowledged", seen["history"]);
    }

    private async Task<IReadOnlyDictionary<string, string>> RunScenarioAsync(GeneratedClient client, HttpClient http, ChildProcess agent)
    {
        var run = client.Assembly.GetType($"{GeneratedClient.Namespace}.Scenario")!.GetMethod("RunAsync")!;
        Func<string, Func<Task<bool>>, Task> until = (what, condition) => Eventually.ReturnsAsync(condition, holds => holds, TimeSpan.FromSeconds(45), what);
        try
        {
            return await (Task<IReadOnlyDictionary<string, string>>)run.Invoke(null,
                [http, system.Frontend.BaseAddress.ToString().TrimEnd('/'), "github.com/acme/nginx", _repository.Url, until])!;
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nagent output:\n{agent.Output}");
        }
    }

    private static string ScenarioSource()
    {
        using var stream = typeof(OpenApiGeneratedClientTests).Assembly.GetManifestResourceStream("Planekeeper.Tests.GeneratedClient.Scenario.cs.txt")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
