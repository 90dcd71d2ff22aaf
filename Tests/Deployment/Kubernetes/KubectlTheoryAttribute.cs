namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>A theory over the rendered overlays: skipped, saying why, where kubectl is not installed.</summary>
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (Kubectl.Path is null)
        {
            Skip = "kubectl is not on PATH (Debian does not package it): the Kustomize overlays cannot be rendered";
        }
    }
}
