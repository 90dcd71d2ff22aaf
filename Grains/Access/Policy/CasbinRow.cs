namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// A row in Casbin's storage shape: <c>p(role, domain, object, action, "allow"|"deny")</c>,
/// <c>g(subject, role, domain)</c> or <c>g2(subject, "superadmin")</c>.
/// </summary>
public sealed record CasbinRow(
    string PType,
    string? V0 = null,
    string? V1 = null,
    string? V2 = null,
    string? V3 = null,
    string? V4 = null,
    string? V5 = null)
{
    public const string PolicyType = "p";
    public const string RoleType = "g";
    public const string SuperAdminType = "g2";
    public const string SuperAdminRole = "superadmin";
    public const string AllowEffect = "allow";
    public const string DenyEffect = "deny";

    public static CasbinRow From(PolicyRule rule) =>
        new(PolicyType, rule.Role, rule.Domain, rule.Object, rule.Action, EffectName(rule.Effect));

    public static CasbinRow From(RoleAssignment assignment) =>
        new(RoleType, assignment.Subject, assignment.Role, assignment.Domain);

    public static CasbinRow SuperAdmin(string subject) => new(SuperAdminType, subject, SuperAdminRole);

    /// <exception cref="FormatException">Not a "p" row, a value is missing or the effect is not "allow"/"deny".</exception>
    public PolicyRule ToPolicyRule()
    {
        ExpectType(PolicyType);
        return new PolicyRule(Required(V0, 0), Required(V1, 1), Required(V2, 2), Required(V3, 3), ParseEffect(V4 ?? string.Empty));
    }

    /// <exception cref="FormatException">Not a "g" row or a value is missing.</exception>
    public RoleAssignment ToRoleAssignment()
    {
        ExpectType(RoleType);
        return new RoleAssignment(Required(V0, 0), Required(V1, 1), Required(V2, 2));
    }

    /// <summary>The subject of a <c>g2(subject, "superadmin")</c> row.</summary>
    /// <exception cref="FormatException">Not a "g2" row or its role is not "superadmin".</exception>
    public string ToSuperAdminSubject()
    {
        ExpectType(SuperAdminType);
        if (V1 != SuperAdminRole)
        {
            throw new FormatException($"Casbin g2 row has role '{V1}'; only '{SuperAdminRole}' is known.");
        }
        return Required(V0, 0);
    }

    public static string EffectName(PolicyEffect effect) => effect switch
    {
        PolicyEffect.Allow => AllowEffect,
        PolicyEffect.Deny => DenyEffect,
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown policy effect."),
    };

    /// <exception cref="FormatException">The effect is not exactly "allow" or "deny".</exception>
    public static PolicyEffect ParseEffect(string effect) => effect switch
    {
        AllowEffect => PolicyEffect.Allow,
        DenyEffect => PolicyEffect.Deny,
        _ => throw new FormatException($"Unknown Casbin effect '{effect}'; expected '{AllowEffect}' or '{DenyEffect}'."),
    };

    private void ExpectType(string expected)
    {
        if (PType != expected)
        {
            throw new FormatException($"Casbin row has ptype '{PType}'; expected '{expected}'.");
        }
    }

    private string Required(string? value, int position) =>
        string.IsNullOrEmpty(value) ? throw new FormatException($"Casbin {PType} row has no v{position}.") : value;
}
