using Planekeeper.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Planekeeper.Tests.Unit.Deployment;

/// <summary>The files of <c>deploy/</c>, read as the tools that use them would.</summary>
public static class DeploymentFiles
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([TestEnvironment.RepositoryRoot, .. parts]);

    public static string ComposeFolder => Path("deploy", "compose");

    public static string ComposeFile => System.IO.Path.Combine(ComposeFolder, "docker-compose.yml");

    public static string EnvExample => System.IO.Path.Combine(ComposeFolder, ".env.example");

    /// <summary>A YAML file as nested dictionaries and lists, with merge keys (<c>&lt;&lt;: *anchor</c>) applied, as compose applies them.</summary>
    public static Dictionary<object, object> Yaml(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    public static Dictionary<object, object> Map(this Dictionary<object, object> yaml, string key) =>
        yaml.TryGetValue(key, out var value) && value is Dictionary<object, object> map ? map : [];

    public static List<string> Strings(this Dictionary<object, object> yaml, string key) =>
        yaml.TryGetValue(key, out var value) && value is List<object> list ? list.Select(item => item.ToString()!).ToList() : [];

    public static string? Text(this Dictionary<object, object> yaml, string key) => yaml.TryGetValue(key, out var value) ? value?.ToString() : null;

    /// <summary>A compose service's environment (the map form this project writes).</summary>
    public static Dictionary<string, string> Environment(this Dictionary<object, object> service) =>
        service.Map("environment").ToDictionary(entry => entry.Key.ToString()!, entry => entry.Value?.ToString() ?? "");

    /// <summary>The variables <c>${NAME}</c> (or <c>${NAME:-default}</c>) a file uses.</summary>
    public static IReadOnlySet<string> Variables(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)").Select(match => match.Groups[1].Value).ToHashSet();

    /// <summary>The variables an env file sets (<c>NAME=value</c> lines).</summary>
    public static IReadOnlySet<string> EnvFileVariables(string path) =>
        File.ReadAllLines(path).Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('='))
            .Select(line => line[..line.IndexOf('=')]).ToHashSet();

    /// <summary>Every setting named in <c>docs/</c> as <c>`NAME`</c>.</summary>
    public static string Documentation(params string[] pages) => string.Join('\n', pages.Select(page => File.ReadAllText(Path("docs", page))));
}
