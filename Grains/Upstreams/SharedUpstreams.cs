using System.Text.Json;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Interfaces.Upstreams;

namespace Planekeeper.Grains.Upstreams;

/// <summary>Which tasks may share an upstream fetch: gather jobs that name no credential.</summary>
public static class SharedUpstreams
{
    /// <returns>The upstream's cache key, or null when the task must fetch for itself.</returns>
    public static string? KeyOf(TaskAssignment task) => KeyOf(task.Kind, task.JobJson);

    /// <returns>The cache key of the upstream a job of this kind and definition (as agents get it) tracks, or null.</returns>
    public static string? KeyOf(string kind, string jobJson)
    {
        if (kind != JobRef.Gather)
        {
            return null;
        }

        var job = JsonDocument.Parse(jobJson).RootElement;
        string? Field(string name) => job.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return Field("credential_name") is null && Field("source_type") is { } source && Field("artifact_name") is { } artifact
            ? UpstreamKey.Of(source, artifact, Field("tag_filter"))
            : null;
    }
}
