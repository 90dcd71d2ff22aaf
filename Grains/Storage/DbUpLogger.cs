using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace Planekeeper.Grains.Storage;

/// <summary>
/// Sends DbUp's lines to the host's logger. Its progress chatter goes to Debug: the migrator itself logs
/// what was applied, and warnings and errors keep their level.
/// </summary>
internal sealed class DbUpLogger(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

    public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

    public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);

    public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

    public void LogError(string format, params object[] args) => logger.LogError(format, args);

    public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
}
