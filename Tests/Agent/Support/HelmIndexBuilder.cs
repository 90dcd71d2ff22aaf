using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>
/// Writes an index.yaml as <c>helm repo index</c> does: <c>apiVersion</c>, <c>entries</c> (chart → list of versions,
/// newest first, with name, version, appVersion, created, digest, description, urls; every tenth also with
/// annotations, dependencies, keywords and maintainers, the nested fields a reader must skip), <c>generated</c>.
/// </summary>
public sealed class HelmIndexBuilder
{
    private readonly SortedDictionary<string, List<HelmIndexEntry>> _charts = new(StringComparer.Ordinal);

    public HelmIndexBuilder Add(string chart, string version, string? appVersion, DateTimeOffset created)
    {
        if (!_charts.TryGetValue(chart, out var entries))
        {
            _charts[chart] = entries = [];
        }

        entries.Add(new HelmIndexEntry(chart, version, appVersion, created, Detailed: EntryCount % 10 == 0));
        return this;
    }

    /// <summary>Charts <c>chart-000</c> … with <paramref name="versionsEach"/> versions each (<c>1.0.0</c> upwards, one a day).</summary>
    public HelmIndexBuilder AddFillerCharts(int charts, int versionsEach, DateTimeOffset firstCreated)
    {
        for (var chart = 0; chart < charts; chart++)
        {
            for (var version = 0; version < versionsEach; version++)
            {
                Add($"chart-{chart:000}", $"1.{version / 10}.{version % 10}", $"2.{version}.0", firstCreated.AddDays(version).AddMinutes(chart));
            }
        }

        return this;
    }

    public int EntryCount => _charts.Values.Sum(entries => entries.Count);

    public int ChartCount => _charts.Count;

    public string Build()
    {
        var yaml = new StringBuilder("apiVersion: v1\nentries:\n");
        foreach (var (chart, entries) in _charts)
        {
            yaml.Append("  ").Append(chart).Append(":\n");
            foreach (var entry in entries.OrderByDescending(entry => entry.Created))
            {
                entry.WriteTo(yaml);
            }
        }

        return yaml.Append("generated: \"2024-05-06T07:08:09.123456789Z\"\n").ToString();
    }

    public static string Digest(string chart, string version) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{chart}-{version}")));

    /// <summary>Go's time format in index.yaml: nine fractional digits.</summary>
    public static string Created(DateTimeOffset created) =>
        created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "42Z";

    private sealed record HelmIndexEntry(string Chart, string Version, string? AppVersion, DateTimeOffset Created, bool Detailed)
    {
        public void WriteTo(StringBuilder yaml)
        {
            yaml.Append("  - apiVersion: v2\n");
            if (Detailed)
            {
                yaml.Append("    annotations:\n      category: Infrastructure\n      licenses: Apache-2.0\n");
                yaml.Append("    dependencies:\n    - name: common\n      repository: oci://registry.example.com/charts\n      tags:\n      - common\n      version: 2.x.x\n");
                yaml.Append("    keywords:\n    - ").Append(Chart).Append("\n    - infrastructure\n");
                yaml.Append("    maintainers:\n    - name: Charts Team\n      url: https://github.com/example/charts\n");
            }

            if (AppVersion is not null)
            {
                yaml.Append("    appVersion: ").Append(AppVersion).Append('\n');
            }

            yaml.Append("    created: \"").Append(HelmIndexBuilder.Created(Created)).Append("\"\n");
            yaml.Append("    description: ").Append(Chart).Append(" packaged for Kubernetes.\n");
            yaml.Append("    digest: ").Append(Digest(Chart, Version)).Append('\n');
            yaml.Append("    name: ").Append(Chart).Append('\n');
            yaml.Append("    urls:\n    - https://charts.example.com/").Append(Chart).Append('-').Append(Version).Append(".tgz\n");
            yaml.Append("    version: ").Append(Version).Append('\n');
        }
    }
}
