using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Identity;

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

    /// <summary>
    /// Of a user's organizations, the one the browser chose (<see cref="OrganizationCookie"/>) while the user still
    /// belongs to it, else the only one; null when the user belongs to none or to several and chose none.
    /// </summary>
    public static OrganizationSummary? Current(HttpContext context, PublicOrigin origin, IReadOnlyList<OrganizationSummary> mine) =>
        OrganizationCookie.Read(context, origin) is { } chosen && mine.FirstOrDefault(o => o.Id == chosen) is { } member
            ? member
            : mine.Count == 1 ? mine[0] : null;
}
