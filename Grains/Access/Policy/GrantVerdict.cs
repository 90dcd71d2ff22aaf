namespace Planekeeper.Grains.Access.Policy;

/// <summary>What a granter lacks for a change (<see cref="GrantCheck"/>): catalogue actions, and the owner role.</summary>
public sealed record GrantVerdict(IReadOnlyList<string> MissingActions, bool NeedsOwner)
{
    public bool Allowed => MissingActions.Count == 0 && !NeedsOwner;

    /// <summary>One sentence naming everything missing, for problem details and the audit log.</summary>
    public string Explanation()
    {
        var parts = new List<string>();
        if (NeedsOwner)
        {
            parts.Add($"only an {BuiltInRoles.Owner} may give or take the {BuiltInRoles.Owner} role");
        }

        if (MissingActions.Count > 0)
        {
            parts.Add($"you cannot grant actions you do not hold: {string.Join(", ", MissingActions)}");
        }

        return string.Join("; ", parts);
    }
}
