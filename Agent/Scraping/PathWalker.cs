using System.Text;
using Planekeeper.Agent.Work;
using Planekeeper.Scraping;

namespace Planekeeper.Agent.Scraping;

/// <summary>What a document node is, as far as a path is concerned.</summary>
internal enum NodeKind
{
    Mapping,
    Sequence,
    Value,
    Empty,
}

/// <summary>
/// Follows a <see cref="PathExpression"/> through a parsed document (YAML or JSON) to a single value. When it cannot,
/// the failure names the path and where it stopped, in the same words for yq and jq:
/// <c>values.yaml: .image.tag: no key 'tag' under .image</c>.
/// </summary>
internal abstract class PathWalker<TNode>
{
    /// <summary>The value's text; an empty or null value gives "".</summary>
    public string Walk(TNode root, string expression, IReadOnlyList<PathSegment> segments, string targetFile)
    {
        var node = root;
        for (var step = 0; step < segments.Count; step++)
        {
            var problem = segments[step] switch
            {
                KeySegment key => TryKey(ref node, key.Key, Describe(segments, step)),
                IndexSegment index => TryIndex(ref node, index.Index, Describe(segments, step)),
                _ => throw new ArgumentOutOfRangeException(nameof(segments)),
            };
            if (problem is not null)
            {
                throw Failure(targetFile, expression, problem);
            }
        }
        return KindOf(node) switch
        {
            NodeKind.Value => TextOf(node),
            NodeKind.Empty => "",
            var kind => throw Failure(targetFile, expression, $"the value is {Name(kind)}, not a single value"),
        };
    }

    protected abstract NodeKind KindOf(TNode node);

    protected abstract bool TryGetKey(TNode mapping, string key, out TNode child);

    protected abstract int CountOf(TNode sequence);

    protected abstract TNode ItemAt(TNode sequence, int index);

    protected abstract string TextOf(TNode value);

    private string? TryKey(ref TNode node, string key, string parent)
    {
        var kind = KindOf(node);
        if (kind != NodeKind.Mapping)
        {
            return $"{parent} is {Name(kind)}, not a mapping with key '{key}'";
        }
        if (!TryGetKey(node, key, out var child))
        {
            return parent == "." ? $"no key '{key}' at the top level" : $"no key '{key}' under {parent}";
        }
        node = child;
        return null;
    }

    private string? TryIndex(ref TNode node, int index, string parent)
    {
        var kind = KindOf(node);
        if (kind != NodeKind.Sequence)
        {
            return $"{parent} is {Name(kind)}, not a list with index [{index}]";
        }
        var count = CountOf(node);
        if (index >= count)
        {
            return $"index [{index}] is out of range: {parent} has {count} item{(count == 1 ? "" : "s")}";
        }
        node = ItemAt(node, index);
        return null;
    }

    private static string Name(NodeKind kind) => kind switch
    {
        NodeKind.Mapping => "a mapping",
        NodeKind.Sequence => "a list",
        NodeKind.Value => "a single value",
        _ => "empty",
    };

    /// <summary>The path of the first <paramref name="count"/> segments, written as a user would; "." for none.</summary>
    private static string Describe(IReadOnlyList<PathSegment> segments, int count)
    {
        var path = new StringBuilder();
        foreach (var segment in segments.Take(count))
        {
            path.Append(segment switch
            {
                KeySegment { Key: var key } when IsPlainName(key) => $".{key}",
                KeySegment { Key: var key } => $"{(path.Length == 0 ? "." : "")}[\"{key.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]",
                IndexSegment { Index: var index } => $"{(path.Length == 0 ? "." : "")}[{index}]",
                _ => throw new ArgumentOutOfRangeException(nameof(segments)),
            });
        }
        return path.Length == 0 ? "." : path.ToString();
    }

    private static bool IsPlainName(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static TaskFailedException Failure(string targetFile, string expression, string problem) =>
        new($"{targetFile}: {expression}: {problem}", retryable: false);
}
