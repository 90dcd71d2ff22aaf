namespace Planekeeper.Configuration;

/// <summary>
/// A setting is missing or wrong. The message is one line meant for the operator;
/// hosts print it instead of a stack trace and stop.
/// </summary>
public sealed class StartupConfigurationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
