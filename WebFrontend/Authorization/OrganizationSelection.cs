namespace Planekeeper.WebFrontend.Authorization;

/// <summary>The organization a request acts in, or the problem to answer instead when there is none.</summary>
public sealed class OrganizationSelection
{
    private OrganizationSelection(long organizationId, IResult? problem)
    {
        OrganizationId = organizationId;
        Problem = problem;
    }

    /// <summary>The chosen organization; meaningless when <see cref="Problem"/> is set.</summary>
    public long OrganizationId { get; }

    /// <summary>Why no organization was chosen (400 or 404), or null.</summary>
    public IResult? Problem { get; }

    public static OrganizationSelection Chosen(long organizationId) => new(organizationId, null);

    public static OrganizationSelection Refused(IResult problem) => new(0, problem);
}
