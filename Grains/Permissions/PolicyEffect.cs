namespace Planekeeper.Grains.Permissions;

public enum PolicyEffect
{
    Allow,
    Deny,
}
