using YamlDotNet.RepresentationModel;

namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>Reading rendered manifests: a path of keys into a mapping, a scalar's text, a sequence's items.</summary>
public static class YamlNodes
{
    /// <summary>The node at <paramref name="keys"/> below this one, or null where a key is missing.</summary>
    public static YamlNode? At(this YamlNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(this YamlNode? node, params string[] keys) => (node.At(keys) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params string[] keys) =>
        node.At(keys) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    /// <summary>A mapping of scalars (labels, a ConfigMap's data) as a dictionary; empty when missing.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode? node, params string[] keys) =>
        node.At(keys) is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => (pair.Value as YamlScalarNode)?.Value ?? "")
            : new Dictionary<string, string>();
}
