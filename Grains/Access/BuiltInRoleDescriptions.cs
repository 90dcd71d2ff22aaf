using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Grains.Access;

/// <summary>What the built-in roles are for, as shown in role lists (docs/permissions.md has the details).</summary>
public static class BuiltInRoleDescriptions
{
    public static string Of(string key) => key switch
    {
        BuiltInRoles.Owner => "Everything in the organization, including its settings and owners.",
        BuiltInRoles.Admin => "Everything except changing the organization itself.",
        BuiltInRoles.Member => "Read everything, run jobs, set versions, acknowledge alerts.",
        BuiltInRoles.Viewer => "Read only.",
        _ => "",
    };
}
