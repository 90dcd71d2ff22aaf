namespace Planekeeper.Grains.Access.Policy;

/// <summary>Converts between a whole set of Casbin rows and a <see cref="PolicyModel"/>'s inputs.</summary>
public static class CasbinRows
{
    public static IEnumerable<CasbinRow> From(
        IEnumerable<PolicyRule> rules, IEnumerable<RoleAssignment> assignments, IEnumerable<string> superAdmins) =>
        rules.Select(CasbinRow.From)
            .Concat(assignments.Select(CasbinRow.From))
            .Concat(superAdmins.Select(CasbinRow.SuperAdmin));

    /// <exception cref="FormatException">A row has an unknown ptype or is malformed.</exception>
    public static PolicyModel ToModel(IEnumerable<CasbinRow> rows)
    {
        var rules = new List<PolicyRule>();
        var assignments = new List<RoleAssignment>();
        var superAdmins = new List<string>();
        foreach (var row in rows)
        {
            switch (row.PType)
            {
                case CasbinRow.PolicyType:
                    rules.Add(row.ToPolicyRule());
                    break;
                case CasbinRow.RoleType:
                    assignments.Add(row.ToRoleAssignment());
                    break;
                case CasbinRow.SuperAdminType:
                    superAdmins.Add(row.ToSuperAdminSubject());
                    break;
                default:
                    throw new FormatException($"Unknown Casbin ptype '{row.PType}'; expected 'p', 'g' or 'g2'.");
            }
        }
        return new PolicyModel(rules, assignments, superAdmins);
    }
}
