using Planekeeper.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// Redocly CLI's recommended ruleset on both documents a running frontend serves (docs/api.md, "Linting the
/// description"): no error, and no warning but those of the rules that <c>redocly.yaml</c> lists as <c>warn</c>, each with
/// its reason there.
/// </summary>
public sealed class OpenApiLintTests(RunningSystem system) : IClassFixture<RunningSystem>, IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _folder = Directory.CreateTempSubdirectory("openapi-lint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public Task The_public_document_passes_the_recommended_ruleset() =>
        PassesAsync(new Uri(system.Frontend.BaseAddress, "openapi/v1.json"), "v1.json");

    [Fact]
    public Task The_internal_document_passes_the_recommended_ruleset() =>
        PassesAsync(new Uri(system.Frontend.InternalBaseAddress, "openapi/internal.json"), "internal.json");

    private async Task PassesAsync(Uri document, string fileName)
    {
        var file = Path.Combine(_folder, fileName);
        await File.WriteAllTextAsync(file, await Http.GetStringAsync(document));

        var report = await RedoclyCli.LintAsync(file);

        var allowed = AllowedWarnings();
        var refused = report.Errors.Concat(report.Warnings.Where(warning => !allowed.Contains(warning.RuleId))).ToList();
        Assert.True(refused.Count == 0,
            $"redocly lint {fileName}: {refused.Count} problems (warnings allowed only for {string.Join(", ", allowed)}):\n" + string.Join('\n', refused));
    }

    /// <summary>The rules <c>redocly.yaml</c> sets to <c>warn</c>.</summary>
    private static HashSet<string> AllowedWarnings()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RedoclyCli.ConfigFile)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        if (!root.Children.TryGetValue(new YamlScalarNode("rules"), out var rules))
        {
            return [];
        }

        return [.. ((YamlMappingNode)rules).Children
            .Where(rule => Severity(rule.Value) == "warn")
            .Select(rule => ((YamlScalarNode)rule.Key).Value!)];
    }

    private static string? Severity(YamlNode rule) => rule switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlMappingNode mapping when mapping.Children.TryGetValue(new YamlScalarNode("severity"), out var severity) => ((YamlScalarNode)severity).Value,
        _ => null,
    };
}
