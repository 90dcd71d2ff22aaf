using System.Text.RegularExpressions;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>Every variable the manifests give a Planekeeper program, and every Secret they need, is documented.</summary>
public class KubernetesSettingsDocumentedTests
{
    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Every_environment_variable_is_in_the_configuration_reference(string overlay)
    {
        var reference = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "configuration.md"));
        var names = RenderedOverlay.Of(overlay).Workloads
            .SelectMany(workload => workload.Containers)
            .Where(container => container.IsPlanekeeper)
            .SelectMany(container => container.EnvironmentNames)
            .Distinct();

        // Named in code style, alone (`PG_HOST`) or with a value (`Logging__Console__FormatterName=json`).
        var undocumented = names.Where(name => !Regex.IsMatch(reference, $"`{Regex.Escape(name)}[`=]")).Order().ToList();
        Assert.True(undocumented.Count == 0, $"not in docs/configuration.md: {string.Join(", ", undocumented)}");
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Every_Secret_the_production_overlay_needs_is_in_the_deployment_guide(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var guide = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "deploy.md"));
        var generated = rendered.OfKind("Secret").Select(secret => secret.Text("metadata", "name")).ToHashSet();
        var needed = SecretKeyReferences(rendered).Where(reference => !generated.Contains(reference.Secret)).ToList();
        if (overlay == "production")
        {
            Assert.NotEmpty(needed);
        }

        foreach (var (secret, key) in needed)
        {
            Assert.Contains($"`{secret}`", guide);
            Assert.Contains(key, guide);
        }
    }

    private static IEnumerable<(string Secret, string Key)> SecretKeyReferences(RenderedOverlay rendered)
    {
        foreach (var workload in rendered.Workloads)
        {
            foreach (var variable in workload.PodSpec.Items("containers").SelectMany(container => container.Items("env")))
            {
                if (variable.At("valueFrom", "secretKeyRef") is { } reference)
                {
                    yield return (reference.Text("name")!, reference.Text("key")!);
                }
            }

            foreach (var volume in workload.PodSpec.Items("volumes").Where(volume => volume.At("secret") is not null))
            {
                foreach (var item in volume.Items("secret", "items"))
                {
                    yield return (volume.Text("secret", "secretName")!, item.Text("key")!);
                }
            }
        }

        foreach (var tls in rendered.OfKind("Ingress").SelectMany(ingress => ingress.Items("spec", "tls")))
        {
            yield return (tls.Text("secretName")!, "tls.crt");
        }
    }
}
