namespace Planekeeper.Grains.Interfaces.Access;

/// <summary>
/// The recorded changes of API keys and organizations' suspensions, which frontends read a few times a second to keep
/// what they cached of them for longer than a second (docs/security.md, "Verified API keys").
/// </summary>
[Alias("planekeeper.access.change-feed")]
public interface IAccessChangeFeedGrain : IGrainWithIntegerKey
{
    /// <param name="after">The last change the frontend applied; negative when it has applied none yet.</param>
    [Alias("since")]
    Task<AccessChanges> SinceAsync(long after);
}
