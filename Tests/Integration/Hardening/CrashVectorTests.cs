using System.Net;
using System.Text;
using System.Text.Json;
using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Notifications.Templates;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;
using Planekeeper.WebFrontend.Hosting.Input;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>
/// Each way a request could take a process down or hang it, sent to a real silo process behind a real frontend:
/// the request is refused with problem details naming the field, and the silo and the frontend still answer.
/// </summary>
public sealed class CrashVectorTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{{if .Event}}", depth)) + "x" + string.Concat(Enumerable.Repeat("{{end}}", depth));

    [Fact]
    public async Task A_template_nested_forty_thousand_deep_is_a_422_not_a_dead_silo()
    {
        var owner = await OwnerAsync("deep-template");
        var template = Nested(40_000);
        Assert.True(Encoding.UTF8.GetByteCount(template) < RequestBodyLimits.DefaultBytes, "the template must reach the silo");

        var problem = await ExpectProblemAsync(owner, HttpMethod.Post, "/api/v1/notification-templates/preview",
            JsonSerializer.Serialize(new { channel_type = "slack", template }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains($"at most {TemplateLimits.MaxLength}", Errors(problem, "template"));
        await AssertStillAnsweringAsync(owner);
    }

    [Fact]
    public async Task A_short_template_nested_past_the_cap_is_refused_where_it_opens_when_saved_and_previewed()
    {
        var owner = await OwnerAsync("nested-template");
        var body = JsonSerializer.Serialize(new { channel_type = "webhook", template = Nested(TemplateLimits.MaxNesting + 1) });

        var preview = await ExpectProblemAsync(owner, HttpMethod.Post, "/api/v1/notification-templates/preview", body, HttpStatusCode.UnprocessableEntity);
        var save = await ExpectProblemAsync(owner, HttpMethod.Put, "/api/v1/notification-templates/new_alert", body, HttpStatusCode.UnprocessableEntity);

        Assert.Contains($"nested more than {TemplateLimits.MaxNesting} deep", Errors(preview, "template"));
        Assert.Contains($"nested more than {TemplateLimits.MaxNesting} deep", Errors(save, "template"));
        await AssertStillAnsweringAsync(owner);
    }

    [Fact]
    public async Task A_hundred_thousand_nested_ifs_are_refused_at_the_door_as_too_large()
    {
        var owner = await OwnerAsync("huge-template");
        var body = JsonSerializer.Serialize(new { channel_type = "slack", template = Nested(100_000) });

        var problem = await ExpectProblemAsync(owner, HttpMethod.Post, "/api/v1/notification-templates/preview", body, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains($"{RequestBodyLimits.DefaultBytes} bytes", problem.GetProperty("detail").GetString());
        await AssertStillAnsweringAsync(owner);
    }

    [Theory]
    [InlineData("/api/v1/gather-jobs", "")]
    [InlineData("/api/v1/gather-jobs", "null")]
    [InlineData("/api/v1/scrape-jobs", "null")]
    [InlineData("/api/v1/helm-sync-jobs", "")]
    [InlineData("/api/v1/notification-templates/preview", "null")]
    public async Task An_empty_or_null_body_is_a_400_naming_the_body(string path, string body)
    {
        var owner = await OwnerAsync($"null-body-{Guid.NewGuid():N}");

        var problem = await ExpectProblemAsync(owner, HttpMethod.Post, path, body, HttpStatusCode.BadRequest);

        Assert.Equal("expected an object", Errors(problem, "body"));
        await AssertStillAnsweringAsync(owner);
    }

    [Theory]
    [InlineData("""{"name": 7, "source_type": "github_releases", "artifact_name": "github.com/a/b"}""", "name", "expected a string")]
    [InlineData("""{"name": "n", "source_type": "github_releases", "artifact_name": "github.com/a/b", "labels": []}""", "labels", "expected an object")]
    [InlineData("""{"name": "n", "source_type": "github_releases", "artifact_name": "github.com/a/b", "labels": {"team": 1}}""", "labels.team", "expected a string")]
    [InlineData("""["name"]""", "body", "expected an object")]
    [InlineData("""{"name": "a\u0000b", "source_type": "github_releases", "artifact_name": "github.com/a/b"}""", "name", "must not contain NUL characters (\\u0000)")]
    public async Task A_body_of_the_wrong_type_is_a_400_naming_the_field_and_the_type(string body, string field, string message)
    {
        var owner = await OwnerAsync($"wrong-type-{Guid.NewGuid():N}");

        var problem = await ExpectProblemAsync(owner, HttpMethod.Post, "/api/v1/gather-jobs", body, HttpStatusCode.BadRequest);

        Assert.Equal(message, Errors(problem, field));
    }

    [Fact]
    public async Task A_list_query_value_that_is_not_a_number_is_a_400_naming_it()
    {
        var owner = await OwnerAsync("query-type");

        var problem = await ExpectProblemAsync(owner, HttpMethod.Get, "/api/v1/gather-jobs?limit=abc", null, HttpStatusCode.BadRequest);

        Assert.Equal("expected an integer", Errors(problem, "limit"));
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_400_not_a_stack_overflow()
    {
        var owner = await OwnerAsync("deep-json");
        var body = "{\"nested\":" + new string('[', 50_000) + new string(']', 50_000) + "}";

        var problem = await ExpectProblemAsync(owner, HttpMethod.Post, "/api/v1/gather-jobs", body, HttpStatusCode.BadRequest);

        Assert.Equal("nested too deeply: at most 64 levels", Errors(problem, "nested"));
        await AssertStillAnsweringAsync(owner);
    }

    [Theory]
    [InlineData("tag_filter", "/api/v1/gather-jobs", """{"name": "n", "source_type": "github_releases", "artifact_name": "github.com/a/b", "tag_filter": "PATTERN"}""")]
    [InlineData("chart_filter", "/api/v1/helm-sync-jobs", """{"name": "n", "repository_url": "https://charts.example.com", "chart_filter": "PATTERN"}""")]
    [InlineData("parse_expression", "/api/v1/scrape-jobs",
        """{"name": "n", "repository_url": "https://git.example.com/a.git", "target_file": "v.txt", "parse_type": "regex", "parse_expression": "PATTERN"}""")]
    public async Task A_regular_expression_over_the_cap_is_a_422_naming_the_field(string field, string path, string template)
    {
        var owner = await OwnerAsync($"regex-{field.Replace('_', '-')}");
        var pattern = string.Concat(Enumerable.Repeat("(a+)+", 100_000 / 5));

        var problem = await ExpectProblemAsync(owner, HttpMethod.Post, path, template.Replace("PATTERN", pattern), HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"{field} must be at most {PatternLimits.MaxLength} characters", Errors(problem, field));
        await AssertStillAnsweringAsync(owner);
    }

    [Theory]
    [InlineData("/api/v1/auth/login", RequestBodyLimits.AnonymousBytes)]
    [InlineData("/api/v1/agent/bootstrap", RequestBodyLimits.AnonymousBytes)]
    [InlineData("/api/v1/gather-jobs", RequestBodyLimits.DefaultBytes)]
    public async Task A_body_over_its_route_familys_limit_is_a_413(string path, long limit)
    {
        var owner = await OwnerAsync($"limit-{Guid.NewGuid():N}");
        var body = JsonSerializer.Serialize(new { name = new string('x', (int)limit) });

        var problem = await ExpectProblemAsync(owner, HttpMethod.Post, path, body, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal($"the request body is larger than the {limit} bytes this route accepts", problem.GetProperty("detail").GetString());
        await AssertStillAnsweringAsync(owner);
    }

    private async Task<ApiClient> OwnerAsync(string name) => (await system.OrganizationAsync(name)).Owner;

    private static async Task<JsonElement> ExpectProblemAsync(ApiClient client, HttpMethod method, string path, string? body, HttpStatusCode status)
    {
        using var response = await client.SendAsync(method, path, configure: request =>
        {
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Errors(JsonElement problem, string field) =>
        string.Join(" | ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(message => message.GetString()));

    /// <summary>The silo process is alive and healthy, and a request that needs it still works.</summary>
    private async Task AssertStillAnsweringAsync(ApiClient owner)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var silo in system.Silos)
        {
            Assert.False(silo.Process.HasExited, "the silo exited:\n" + silo.Process.Output);
            Assert.True((await probe.GetAsync($"http://127.0.0.1:{silo.HealthPort}/health")).IsSuccessStatusCode);
        }

        Assert.True((await probe.GetAsync(new Uri(system.Frontend.BaseAddress, "ready"))).IsSuccessStatusCode);
        await owner.OkAsync(HttpMethod.Post, "/api/v1/notification-templates/preview", new { channel_type = "slack", template = "{{if .Event}}ok{{end}}" });
    }
}
