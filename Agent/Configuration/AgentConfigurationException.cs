namespace Planekeeper.Agent.Configuration;

/// <summary>The agent cannot start with this configuration; the message is the one line the operator sees.</summary>
public sealed class AgentConfigurationException(string message) : Exception(message);
