using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>
/// Reads an index.yaml (<c>entries: {chart: [{version, appVersion, created, digest, …}]}</c>) as a stream of parser
/// events, so an index of tens of MB never becomes an object graph: charts not wanted are skipped event by event,
/// and a wanted chart's versions keep only four fields each.
/// </summary>
internal static class HelmIndexReader
{
    /// <exception cref="YamlException">The text is not YAML, or not shaped like a Helm index.</exception>
    public static IEnumerable<HelmIndexChart> ReadCharts(TextReader text, Func<string, bool> wantChart, CancellationToken cancellationToken)
    {
        var parser = new Parser(text);
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
        {
            yield break;
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (parser.Consume<Scalar>().Value != "entries" || IsEmpty(parser))
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }

            foreach (var chart in ReadEntries(parser, wantChart, cancellationToken))
            {
                yield return chart;
            }
        }
    }

    private static IEnumerable<HelmIndexChart> ReadEntries(IParser parser, Func<string, bool> wantChart, CancellationToken cancellationToken)
    {
        parser.Consume<MappingStart>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = parser.Consume<Scalar>().Value;
            if (!wantChart(name) || IsEmpty(parser))
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }

            yield return new HelmIndexChart(name, ReadVersions(parser));
        }
    }

    private static List<HelmChartVersion> ReadVersions(IParser parser)
    {
        var versions = new List<HelmChartVersion>();
        parser.Consume<SequenceStart>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (ReadVersion(parser) is { } version)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    /// <returns>Null for an entry without a version.</returns>
    private static HelmChartVersion? ReadVersion(IParser parser)
    {
        var fields = new Dictionary<string, string>(4);
        parser.Consume<MappingStart>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            if (key is "version" or "appVersion" or "created" or "digest" && parser.Accept<Scalar>(out var value) && !IsNull(value))
            {
                fields[key] = value.Value;
            }

            parser.SkipThisAndNestedEvents();
        }

        return fields.TryGetValue("version", out var number)
            ? new HelmChartVersion(number, fields.GetValueOrDefault("appVersion"), Rfc3339.Parse(fields.GetValueOrDefault("created")), fields.GetValueOrDefault("digest"))
            : null;
    }

    /// <summary>A key with no value (<c>entries:</c>, <c>chart: ~</c>): skipped.</summary>
    private static bool IsEmpty(IParser parser) => parser.Accept<Scalar>(out var value) && IsNull(value);

    private static bool IsNull(Scalar scalar) => scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
}
