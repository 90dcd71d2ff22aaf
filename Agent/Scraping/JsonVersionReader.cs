using System.Text.Json;
using Planekeeper.Agent.Work;
using Planekeeper.Scraping;

namespace Planekeeper.Agent.Scraping;

/// <summary><c>jq</c>: a path into a JSON file (strict JSON: no comments, no trailing commas).</summary>
internal sealed class JsonVersionReader(string expression, IReadOnlyList<PathSegment> segments) : IVersionReader
{
    private static readonly PathWalker<JsonElement> Walker = new JsonPathWalker();

    public string Read(string text, string targetFile)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new TaskFailedException($"{targetFile} is not valid JSON: {exception.Message}", retryable: false, inner: exception);
        }
        using (document)
        {
            return Walker.Walk(document.RootElement, expression, segments, targetFile);
        }
    }

    private sealed class JsonPathWalker : PathWalker<JsonElement>
    {
        protected override NodeKind KindOf(JsonElement node) => node.ValueKind switch
        {
            JsonValueKind.Object => NodeKind.Mapping,
            JsonValueKind.Array => NodeKind.Sequence,
            JsonValueKind.Null => NodeKind.Empty,
            _ => NodeKind.Value,
        };

        protected override bool TryGetKey(JsonElement mapping, string key, out JsonElement child) => mapping.TryGetProperty(key, out child);

        protected override int CountOf(JsonElement sequence) => sequence.GetArrayLength();

        protected override JsonElement ItemAt(JsonElement sequence, int index) => sequence[index];

        /// <summary>A string without its quotes; a number or boolean as written.</summary>
        protected override string TextOf(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }
}
