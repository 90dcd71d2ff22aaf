using YamlDotNet.RepresentationModel;

namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>A Deployment or StatefulSet of a rendered overlay: its pod template and containers.</summary>
public sealed record Workload(YamlNode Resource, RenderedOverlay Overlay)
{
    public string Name => Resource.Text("metadata", "name")!;

    public YamlNode PodSpec => Resource.At("spec", "template", "spec")!;

    public IReadOnlyDictionary<string, string> PodLabels => Resource.Pairs("spec", "template", "metadata", "labels");

    public string? Component => PodLabels.GetValueOrDefault("app.kubernetes.io/component");

    public IEnumerable<Container> Containers => PodSpec.Items("containers").Select(container => new Container(container, this));

    public Container Container(string name) => Assert.Single(Containers, container => container.Name == name);

    /// <summary>Whether a label selector (<c>matchLabels</c>) picks this workload's pods; an empty one picks every pod.</summary>
    public bool IsSelectedBy(IReadOnlyDictionary<string, string> matchLabels) =>
        matchLabels.All(label => PodLabels.TryGetValue(label.Key, out var value) && value == label.Value);
}

/// <summary>One container of a workload, with the environment it starts with.</summary>
public sealed record Container(YamlNode Node, Workload Workload)
{
    public string Name => Node.Text("name")!;

    public string Image => Node.Text("image")!;

    /// <summary>One of ours (planekeeper/silo, …), not a third party's image such as the dev overlay's PostgreSQL.</summary>
    public bool IsPlanekeeper => Image.StartsWith("planekeeper/", StringComparison.Ordinal);

    /// <summary>Named container ports: name → number.</summary>
    public IReadOnlyDictionary<string, int> Ports =>
        Node.Items("ports").ToDictionary(port => port.Text("name")!, port => int.Parse(port.Text("containerPort")!));

    /// <summary>Every variable the container gets: its ConfigMaps' keys (<c>envFrom</c>) and its own <c>env</c> entries.</summary>
    public IEnumerable<string> EnvironmentNames =>
        ConfigMapEnvironment.Keys.Concat(Node.Items("env").Select(variable => variable.Text("name")!)).Distinct();

    /// <summary>A variable's literal value (<c>env</c> wins over <c>envFrom</c>), or null when unset or taken from elsewhere.</summary>
    public string? Value(string name)
    {
        var own = Node.Items("env").FirstOrDefault(variable => variable.Text("name") == name);
        return own is not null ? own.Text("value") : ConfigMapEnvironment.GetValueOrDefault(name);
    }

    /// <summary>The <c>valueFrom</c> of a variable, or null.</summary>
    public YamlNode? ValueFrom(string name) =>
        Node.Items("env").FirstOrDefault(variable => variable.Text("name") == name).At("valueFrom");

    public YamlNode? Probe(string kind) => Node.At(kind);

    /// <summary>The number of a probe's port, named or numbered.</summary>
    public int ProbePort(YamlNode probe)
    {
        var port = probe.Text("httpGet", "port")!;
        return int.TryParse(port, out var number) ? number : Ports[port];
    }

    private IReadOnlyDictionary<string, string> ConfigMapEnvironment =>
        Node.Items("envFrom")
            .Select(source => source.Text("configMapRef", "name"))
            .OfType<string>()
            .SelectMany(configMap => Workload.Overlay.ConfigMapData(configMap))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
}
