using System.Text.Json.Nodes;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>
/// Where a channel's messages go — its type and the one field that names the receiver — and what an edit that changes
/// it must re-send: a stored secret belongs to the destination it was given for, so it is not carried to another
/// one (docs/notifications.md, "Secrets follow their destination"). Otherwise whoever may edit a channel could point
/// it at their own server and receive the stored password, token or HMAC-signed messages.
/// </summary>
public static class ChannelDestination
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        [ChannelTypes.Webhook] = "url",
        [ChannelTypes.Slack] = "webhook_url",
        [ChannelTypes.Discord] = "webhook_url",
        [ChannelTypes.Teams] = "webhook_url",
        [ChannelTypes.PagerDuty] = "api_url",
        [ChannelTypes.Telegram] = "api_url",
        [ChannelTypes.Smtp] = "host",
    };

    /// <summary>Whether the request sends the channel somewhere else than <paramref name="existing"/> (another type, or another value of the destination field).</summary>
    public static bool Changes(ChannelRow existing, IReadOnlyDictionary<string, string> storedSecrets, string type, JsonObject requested)
    {
        if (existing.Type != type)
        {
            return true;
        }

        var field = Fields[type];
        var before = Text(JsonNode.Parse(existing.Config)?[field]) ?? storedSecrets.GetValueOrDefault(field);
        var after = requested[field] is { } node && !IsMask(node) ? Text(node) : storedSecrets.GetValueOrDefault(field);
        return !string.Equals(before, after, StringComparison.Ordinal);
    }

    /// <summary>
    /// The stored secrets the request leaves to be kept (left out, or sent back masked), by request field, each with
    /// what to do. On a change of type only <c>hmac_secret</c> can be carried over, as the other fields differ.
    /// </summary>
    public static Dictionary<string, string[]> SecretsToResend(
        bool typeChanged, IReadOnlyDictionary<string, string> storedSecrets, JsonObject requested, string? requestedHmacSecret)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in storedSecrets.Keys)
        {
            if (name == ChannelSecretNames.HmacSecret)
            {
                if (requestedHmacSecret is null)
                {
                    errors["hmac_secret"] = [$"the channel's destination changed, so the stored hmac_secret is not kept: send it again, or \"\" to remove it"];
                }
            }
            else if (!typeChanged && IsKeptByRequest(name, requested))
            {
                errors[$"config.{name}"] = [$"the channel's destination changed, so the stored {name} is not kept: send it again, or null to remove it"];
            }
        }

        return errors;
    }

    private static bool IsKeptByRequest(string secretName, JsonObject requested)
    {
        if (secretName.StartsWith("headers.", StringComparison.Ordinal))
        {
            return requested["headers"] is JsonObject headers && headers[secretName["headers.".Length..]] is { } header && IsMask(header);
        }

        return !requested.ContainsKey(secretName) || (requested[secretName] is { } value && IsMask(value));
    }

    private static bool IsMask(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text == ChannelConfigValidator.Mask;

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Trim(),
        _ => node.ToJsonString(),
    };
}
