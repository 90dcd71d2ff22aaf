namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>Password lengths; the frontend refuses longer ones before anything is hashed.</summary>
public static class PasswordLimits
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 1024;
}
