namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// A grouping row <c>g(subject, role, domain)</c>. The domain is an exact organization ("org:2"), never a pattern:
/// a role held in one organization grants nothing in another.
/// </summary>
public sealed record RoleAssignment(string Subject, string Role, string Domain);
