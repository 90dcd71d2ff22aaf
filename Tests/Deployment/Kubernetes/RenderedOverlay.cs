using System.Collections.Concurrent;
using YamlDotNet.RepresentationModel;

namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>One overlay of deploy/kubernetes as <c>kubectl kustomize</c> renders it, parsed, with the questions the tests ask.</summary>
public sealed class RenderedOverlay
{
    public static readonly TheoryData<string> Names = new() { "production", "dev" };

    private static readonly ConcurrentDictionary<string, RenderedOverlay> Rendered = new();

    private RenderedOverlay(string name, IReadOnlyList<YamlNode> resources)
    {
        Name = name;
        Resources = resources;
    }

    public string Name { get; }

    public IReadOnlyList<YamlNode> Resources { get; }

    public static RenderedOverlay Of(string overlay) => Rendered.GetOrAdd(overlay, name => Parse(name, Kubectl.Kustomize(name)));

    public IEnumerable<YamlNode> OfKind(string kind) => Resources.Where(resource => resource.Text("kind") == kind);

    public YamlNode Single(string kind, string name) =>
        Assert.Single(OfKind(kind), resource => resource.Text("metadata", "name") == name);

    /// <summary>Deployments and StatefulSets: everything that runs pods.</summary>
    public IEnumerable<Workload> Workloads =>
        Resources.Where(resource => resource.Text("kind") is "Deployment" or "StatefulSet").Select(resource => new Workload(resource, this));

    public Workload Workload(string name) => Assert.Single(Workloads, workload => workload.Name == name);

    /// <summary>The ConfigMap a container reads with <c>envFrom</c> (its rendered name carries a hash suffix).</summary>
    public IReadOnlyDictionary<string, string> ConfigMapData(string renderedName) =>
        Single("ConfigMap", renderedName).Pairs("data");

    private static RenderedOverlay Parse(string name, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new RenderedOverlay(name, stream.Documents.Select(document => document.RootNode).ToList());
    }
}
