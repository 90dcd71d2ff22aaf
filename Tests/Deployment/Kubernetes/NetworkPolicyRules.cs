using YamlDotNet.RepresentationModel;

namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>
/// Who may open a connection to a port of a workload's pods under a rendered overlay's NetworkPolicies (ingress
/// only), following the Kubernetes rules: a pod selected by any policy accepts only what one of those policies'
/// rules allows; a rule without <c>from</c> or without <c>ports</c> allows every peer or every port.
/// Peers are named <c>pod:&lt;component&gt;</c> (this namespace) and <c>namespace:&lt;name&gt;</c> (any pod there).
/// </summary>
public sealed class NetworkPolicyRules(RenderedOverlay overlay)
{
    public const string Everyone = "everyone";

    /// <summary>Namespaces a rule may name, besides this one: the ingress controller's, monitoring, and any other.</summary>
    private static readonly string[] OtherNamespaces = ["ingress-nginx", "monitoring", "some-other-namespace"];

    private IEnumerable<YamlNode> Policies => overlay.OfKind("NetworkPolicy");

    public bool IsIsolated(Workload target) => SelectingPolicies(target).Any();

    public IReadOnlySet<string> AllowedPeers(Workload target, string portName)
    {
        var allowed = new HashSet<string>();
        foreach (var rule in SelectingPolicies(target).SelectMany(policy => policy.Items("spec", "ingress")))
        {
            if (!AllowsPort(rule, target, portName))
            {
                continue;
            }

            if (rule.At("from") is null)
            {
                allowed.Add(Everyone);
                continue;
            }

            foreach (var peer in rule.Items("from"))
            {
                allowed.UnionWith(PeersOf(peer));
            }
        }

        return allowed;
    }

    private IEnumerable<YamlNode> SelectingPolicies(Workload target) =>
        Policies.Where(policy =>
            policy.Items("spec", "policyTypes").Any(type => (type as YamlScalarNode)?.Value == "Ingress")
            && target.IsSelectedBy(policy.Pairs("spec", "podSelector", "matchLabels")));

    private static bool AllowsPort(YamlNode rule, Workload target, string portName)
    {
        if (rule.At("ports") is null)
        {
            return true;
        }

        var number = target.Containers.Select(container => container.Ports.GetValueOrDefault(portName)).First(port => port != 0);
        return rule.Items("ports").Select(port => port.Text("port")).Any(port => port == portName || port == number.ToString());
    }

    private IEnumerable<string> PeersOf(YamlNode peer)
    {
        Assert.Null(peer.At("ipBlock"));
        var pods = peer.At("podSelector") is null ? null : peer.Pairs("podSelector", "matchLabels");
        var namespaces = peer.At("namespaceSelector") is null ? null : peer.Pairs("namespaceSelector", "matchLabels");
        Assert.False(pods is not null && namespaces is not null, "a peer with both selectors: not used by these manifests");

        if (namespaces is not null)
        {
            return OtherNamespaces
                .Where(name => namespaces.All(label => label.Key == "kubernetes.io/metadata.name" && label.Value == name))
                .Select(name => $"namespace:{name}");
        }

        return overlay.Workloads.Where(workload => workload.IsSelectedBy(pods!)).Select(workload => $"pod:{workload.Component}");
    }
}
