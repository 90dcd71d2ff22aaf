using System.Text.Json;
using Planekeeper.WebFrontend.Hosting.Input;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>How the frontend names the field of an unreadable body, the type it expected there, and what a body may not hold.</summary>
public class UnreadableInputTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private sealed record Credential(string? Name, string? Type);

    private sealed record Body(string? Name, int? HistoryLimit, Dictionary<string, string>? Labels, List<Credential>? Credentials, JsonElement? Policy);

    [Theory]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    [InlineData("$.name", "name")]
    [InlineData("$.labels.team", "labels.team")]
    [InlineData("$.labels['odd key']", "labels.odd key")]
    [InlineData("$.credentials[2].type", "credentials[2].type")]
    public void A_json_path_becomes_the_field_a_client_wrote(string? path, string field) => Assert.Equal(field, JsonBodyPath.FieldName(path));

    [Fact]
    public void A_nesting_error_names_only_the_field_it_started_in() =>
        Assert.Equal("labels", JsonBodyPath.FieldName("$.labels[0][0][0]", depth: 1));

    [Theory]
    [InlineData("$.name", "a string")]
    [InlineData("$.history_limit", "an integer")]
    [InlineData("$.labels", "an object")]
    [InlineData("$.labels.team", "a string")]
    [InlineData("$.credentials", "an array")]
    [InlineData("$.credentials[0]", "an object")]
    [InlineData("$.credentials[0].type", "a string")]
    [InlineData("$", "an object")]
    public void The_expected_type_is_found_along_the_path(string path, string expected) =>
        Assert.Equal(expected, JsonTypeNames.Describe(JsonBodyPath.ExpectedType(typeof(Body), path, Api)!));

    [Fact]
    public void A_path_outside_the_type_has_no_expected_type() => Assert.Null(JsonBodyPath.ExpectedType(typeof(Body), "$.no_such.field", Api));

    [Theory]
    [InlineData("""{"name": "a\u0000b"}""", "name")]
    [InlineData("""{"labels": {"team": "x\u0000"}}""", "labels.team")]
    [InlineData("""{"credentials": [{"name": "a"}, null]}""", "credentials[1]")]
    [InlineData("""{"credentials": [{"name": "a"}, {"type": "\u0000"}]}""", "credentials[1].type")]
    [InlineData("""{"policy": {"Statement": ["\ud800"]}}""", "policy")]
    [InlineData("""{"policy": {"a": "\u0000"}}""", "policy")]
    [InlineData("""{"labels": {"[x]": "\u0000"}}""", "labels.[x]")]
    [InlineData("""{"labels": {"a\u0000": "b"}}""", "labels")]
    public void What_the_database_cannot_store_is_found_with_its_field(string json, string field) =>
        Assert.Equal(field, BodyInspection.FirstProblem(JsonSerializer.Deserialize<Body>(json, Api), Api)?.Field);

    [Fact]
    public void An_ordinary_body_has_no_problem() =>
        Assert.Null(BodyInspection.FirstProblem(JsonSerializer.Deserialize<Body>(
            """{"name": "n é ☃", "history_limit": 3, "labels": {"team": "a"}, "credentials": [{"name": "a", "type": "ssh_key"}], "policy": {"x": [1, "y"]}}""", Api), Api));

    [Fact]
    public void An_ordinary_body_is_inspected_without_building_its_field_names()
    {
        var credentials = string.Join(", ", Enumerable.Range(0, 50).Select(i => $$"""{"name": "credential {{i}}", "type": "ssh_key"}"""));
        var body = JsonSerializer.Deserialize<Body>($$"""{"name": "n", "history_limit": 3, "credentials": [{{credentials}}]}""", Api);
        Assert.Null(BodyInspection.FirstProblem(body, Api));

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(BodyInspection.FirstProblem(body, Api));

        // Naming each of the 50 items' two fields would take several kilobytes; what is left is the list's enumerator.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 512);
    }
}
