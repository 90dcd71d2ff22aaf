namespace Planekeeper.Grains.Access;

/// <summary>SQL fragments that read roles from casbin_rule (layout in docs/permissions.md), shared by the list queries.</summary>
public static class AccessSql
{
    /// <summary>The sorted roles joined as <c>r</c>; an empty array for a subject without roles.</summary>
    public const string Roles = "COALESCE(array_agg(r.v1 ORDER BY r.v1) FILTER (WHERE r.v1 IS NOT NULL), '{}')";

    /// <summary>Joins the role assignments (as <c>r</c>) of a subject in an organization, given as SQL expressions.</summary>
    public static string JoinRoles(string subject, string organizationId) =>
        $"LEFT JOIN casbin_rule r ON r.ptype = 'g' AND r.v0 = {subject} AND r.v2 = 'org:' || {organizationId}";

    /// <summary>Whether the user (a SQL expression for its id) is a global admin.</summary>
    public static string IsSuperAdmin(string userId) =>
        $"EXISTS (SELECT 1 FROM casbin_rule g2 WHERE g2.ptype = 'g2' AND g2.v0 = 'user:' || {userId} AND g2.v1 = 'superadmin')";
}
