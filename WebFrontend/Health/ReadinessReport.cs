using System.Text.Json.Serialization;

namespace Planekeeper.WebFrontend.Health;

/// <summary>The body of <c>/ready</c>: each dependency is <c>ok</c>, <c>unavailable</c> or <c>unknown</c>, without reasons or addresses.</summary>
public sealed record ReadinessReport(string Status, string Database, string Cluster)
{
    [JsonIgnore]
    public bool IsReady => Status == "ready";
}
