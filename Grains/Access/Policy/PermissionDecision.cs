namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// The outcome of <see cref="PolicyModel.Decide"/> together with why: the subject's roles in the request's domain
/// and every rule of those roles that matched the request, split by effect.
/// </summary>
public sealed record PermissionDecision(
    bool Allowed,
    bool BySuperAdmin,
    IReadOnlyList<string> Roles,
    IReadOnlyList<PolicyRule> Allowing,
    IReadOnlyList<PolicyRule> Denying);
