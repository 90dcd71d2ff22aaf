namespace Planekeeper.Agent.Server;

/// <summary>The server answered 401 or 403 to the agent's key: nothing will work until the operator fixes it.</summary>
public sealed class ServerRefusedKeyException(string message) : Exception(message);
