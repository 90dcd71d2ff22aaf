using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>Reads acknowledge-link tokens and acknowledges through them. Stateless.</summary>
[Alias("planekeeper.notifications.ack-links")]
public interface IAckLinkGrain : IGrainWithIntegerKey
{
    [Alias("inspect")]
    Task<AckLinkView> InspectAsync(string token);

    /// <summary>
    /// Acknowledges the link's alert as <paramref name="actor"/> (a user, already checked by the caller when the
    /// channel requires it; null: anonymously, recorded as via the link and its channel).
    /// </summary>
    [Alias("acknowledge")]
    Task<CommandResult<AlertRecord>> AcknowledgeAsync(string token, string? actor);
}
