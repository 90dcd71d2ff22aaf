using System.Text.Json.Nodes;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>A checked configuration split into what is shown (<see cref="PublicConfig"/>) and what is encrypted, or the field errors.</summary>
public sealed record ChannelConfigValidation(IReadOnlyDictionary<string, string[]>? Errors, JsonObject? PublicConfig, IReadOnlyDictionary<string, string>? Secrets);
