namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// A policy row <c>p(role, domain, object, action, effect)</c>. <see cref="Domain"/>, <see cref="Object"/> and
/// <see cref="Action"/> are <see cref="WildcardPattern"/> globs.
/// </summary>
public sealed record PolicyRule(string Role, string Domain, string Object, string Action, PolicyEffect Effect)
{
    public bool Covers(string domain, string @object, string action) =>
        WildcardPattern.Matches(Domain, domain)
        && WildcardPattern.Matches(Object, @object)
        && WildcardPattern.Matches(Action, action);
}
