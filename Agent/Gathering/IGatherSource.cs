namespace Planekeeper.Agent.Gathering;

/// <summary>One kind of upstream (<c>github_releases</c>, <c>helm_repository</c>, <c>oci_registry</c>).</summary>
public interface IGatherSource
{
    string SourceType { get; }

    /// <exception cref="Work.TaskFailedException">The upstream cannot be read; says whether trying again may help.</exception>
    Task<GatherResult> GatherAsync(GatherRequest request, CancellationToken cancellationToken);
}
