namespace Planekeeper.Grains.Access.Policy;

public enum PolicyEffect
{
    Allow,
    Deny,
}
