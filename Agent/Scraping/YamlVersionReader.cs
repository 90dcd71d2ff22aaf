using Planekeeper.Agent.Work;
using Planekeeper.Scraping;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// <c>yq</c>: a path into a YAML file (JSON is YAML too); of several documents, the first is read. Files nested more
/// than <see cref="YamlDepthCheck.MaxDepth"/> levels deep are refused before they are loaded.
/// </summary>
internal sealed class YamlVersionReader(string expression, IReadOnlyList<PathSegment> segments) : IVersionReader
{
    private static readonly PathWalker<YamlNode> Walker = new YamlPathWalker();

    public string Read(string text, string targetFile)
    {
        YamlDepthCheck.Check(text, targetFile);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new TaskFailedException($"{targetFile} is not valid YAML: {exception.Message}", retryable: false, inner: exception);
        }
        if (stream.Documents.Count == 0)
        {
            throw new TaskFailedException($"{targetFile} is empty", retryable: false);
        }
        return Walker.Walk(stream.Documents[0].RootNode, expression, segments, targetFile);
    }

    private sealed class YamlPathWalker : PathWalker<YamlNode>
    {
        /// <summary>The plain scalars YAML reads as null.</summary>
        private static readonly string[] NullValues = ["", "~", "null", "Null", "NULL"];

        protected override NodeKind KindOf(YamlNode node) => node switch
        {
            YamlMappingNode => NodeKind.Mapping,
            YamlSequenceNode => NodeKind.Sequence,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: var value } when NullValues.Contains(value ?? "") => NodeKind.Empty,
            _ => NodeKind.Value,
        };

        protected override bool TryGetKey(YamlNode mapping, string key, out YamlNode child)
        {
            var entry = ((YamlMappingNode)mapping).Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var name } && name == key);
            child = entry.Value;
            return entry.Key is not null;
        }

        protected override int CountOf(YamlNode sequence) => ((YamlSequenceNode)sequence).Children.Count;

        protected override YamlNode ItemAt(YamlNode sequence, int index) => ((YamlSequenceNode)sequence).Children[index];

        protected override string TextOf(YamlNode value) => ((YamlScalarNode)value).Value ?? "";
    }
}
