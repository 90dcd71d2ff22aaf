namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// Nobody grants what they do not hold (docs/permissions.md, "Nobody grants what they do not hold"): a change to
/// roles or assignments, described as the model before and after it, is allowed to a granter only when
/// <list type="bullet">
/// <item>the roles it gives, held together, allow nothing the granter may not do;</item>
/// <item>no affected subject may do anything afterwards that it could not before and the granter may not do
/// (removing a role with a Deny statement gives too);</item>
/// <item>it gives or takes <c>owner</c> only when the granter is an owner.</item>
/// </list>
/// What the granter may do is read in the model before the change, so a change never vouches for itself.
/// </summary>
public static class GrantCheck
{
    /// <param name="subjects">The subjects whose roles change, or who hold a role whose statements change.</param>
    /// <param name="grantedRoles">The roles the change gives: roles added to a subject, or a created or edited role.</param>
    public static GrantVerdict Check(
        PolicyModel before, PolicyModel after, string domain, string granter,
        IReadOnlyCollection<string> subjects, IReadOnlyCollection<string> grantedRoles)
    {
        var held = before.ActionsOfRoles(before.RolesOf(granter, domain), domain).ToHashSet(StringComparer.Ordinal);
        var given = after.ActionsOfRoles(grantedRoles, domain)
            .Concat(subjects.SelectMany(subject => Gained(before, after, domain, subject)));
        var missing = given.Where(action => !held.Contains(action)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        var touchesOwner = grantedRoles.Contains(BuiltInRoles.Owner)
            || subjects.Any(subject => HoldsOwner(before, domain, subject) && !HoldsOwner(after, domain, subject));
        return new GrantVerdict(missing, touchesOwner && !HoldsOwner(before, domain, granter));
    }

    private static IEnumerable<string> Gained(PolicyModel before, PolicyModel after, string domain, string subject) =>
        after.ActionsOfRoles(after.RolesOf(subject, domain), domain)
            .Except(before.ActionsOfRoles(before.RolesOf(subject, domain), domain), StringComparer.Ordinal);

    private static bool HoldsOwner(PolicyModel model, string domain, string subject) =>
        model.RolesOf(subject, domain).Contains(BuiltInRoles.Owner, StringComparer.Ordinal);
}
