using Planekeeper.Grains.Access.Policy;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Unit.Access;

/// <summary>docs/permissions.md must list every action of the catalogue and every built-in role.</summary>
public class PermissionsDocumentationTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "permissions.md"));

    [Fact]
    public void Every_catalogue_action_is_documented()
    {
        Assert.All(ActionCatalogue.All, action => Assert.Contains($"`{action}`", Document));
    }

    [Fact]
    public void Every_built_in_role_is_documented()
    {
        Assert.All(BuiltInRoles.Keys, role => Assert.Contains($"| `{role}` |", Document));
    }
}
