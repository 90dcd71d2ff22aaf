using Planekeeper.Configuration;

namespace Planekeeper.WebFrontend.Hosting.Surfaces;

/// <summary>Reads <c>PLANEKEEPER_ROLES</c>: a comma list of <c>api</c>, <c>client-ui</c>, <c>internal-ui</c>; all three when unset.</summary>
public static class FrontendRoles
{
    public const string Setting = "PLANEKEEPER_ROLES";

    private static readonly Dictionary<string, FrontendRole> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api"] = FrontendRole.Api,
        ["client-ui"] = FrontendRole.ClientUi,
        ["internal-ui"] = FrontendRole.InternalUi,
    };

    public static FrontendRole Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FrontendRole.All;
        }

        var roles = FrontendRole.None;
        foreach (var name in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            roles |= Names.TryGetValue(name, out var role)
                ? role
                : throw new StartupConfigurationException($"{Setting} lists '{name}'; the roles are api, client-ui and internal-ui");
        }

        return roles == FrontendRole.None
            ? throw new StartupConfigurationException($"{Setting} must name at least one of api, client-ui and internal-ui")
            : roles;
    }
}
