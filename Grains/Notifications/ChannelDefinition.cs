using System.Text.Json.Nodes;

namespace Planekeeper.Grains.Notifications;

/// <summary>
/// A channel as a sender needs it: its type, its public configuration (as stored and shown) and its secrets
/// (decrypted; never shown, never logged), both keyed by the configuration's field names.
/// </summary>
public sealed record ChannelDefinition(long Id, string Type, JsonObject Config, IReadOnlyDictionary<string, string> Secrets);
