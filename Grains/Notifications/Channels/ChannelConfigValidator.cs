using System.Text.Json;
using System.Text.Json.Nodes;
using MimeKit;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>
/// Each channel type's configuration (docs/notifications.md, "Channels"): required fields, their form, unknown fields
/// refused; secret fields (webhook URLs of chat services, keys, tokens, passwords, custom header values) are taken out
/// to be encrypted. A secret left out, or sent back masked, keeps its stored value.
/// </summary>
public static class ChannelConfigValidator
{
    public const string Mask = "********";

    /// <param name="Default">Stored (and shown) when the field is left out.</param>
    private sealed record Field(string Name, bool Required, bool Secret, Func<JsonNode, string?> Check, string? Default = null);

    /// <summary>SMTP without a <c>security</c> upgrades the connection with STARTTLS; plain text must be asked for (<c>none</c>).</summary>
    public const string DefaultSmtpSecurity = "starttls";

    private static readonly Dictionary<string, Field[]> Fields = new()
    {
        [ChannelTypes.Webhook] = [new("url", true, false, HttpUrl), new("headers", false, false, Headers)],
        [ChannelTypes.Slack] = [new("webhook_url", true, true, HttpUrl)],
        [ChannelTypes.Discord] = [new("webhook_url", true, true, HttpUrl)],
        [ChannelTypes.Teams] = [new("webhook_url", true, true, HttpUrl)],
        [ChannelTypes.PagerDuty] = [new("routing_key", true, true, Text), new("api_url", false, false, HttpUrl)],
        [ChannelTypes.Telegram] = [new("bot_token", true, true, Text), new("chat_id", true, false, TextOrNumber), new("api_url", false, false, HttpUrl)],
        [ChannelTypes.Smtp] =
        [
            new("host", true, false, Text), new("port", true, false, Port), new("security", false, false, Security, DefaultSmtpSecurity), new("username", false, false, Text),
            new("password", false, true, Text), new("from", true, false, Address), new("to", true, false, Addresses),
        ],
    };

    public static string HeaderSecret(string name) => $"headers.{name}";

    public static ChannelConfigValidation Validate(string type, JsonObject config, IReadOnlyDictionary<string, string> stored)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fields = Fields[type];
        var shown = new JsonObject();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in config.Where(entry => fields.All(field => field.Name != entry.Key)))
        {
            errors[$"config.{name}"] = [$"{type} channels have no field '{name}'; their fields are {string.Join(", ", fields.Select(f => f.Name))}"];
        }

        foreach (var field in fields)
        {
            TakeField(field, config[field.Name], stored, shown, secrets, errors);
        }

        return errors.Count > 0 ? new ChannelConfigValidation(errors, null, null) : new ChannelConfigValidation(null, shown, secrets);
    }

    /// <summary>The configuration as the API shows it: every secret field present as <see cref="Mask"/>.</summary>
    public static JsonObject Masked(JsonObject publicConfig, IEnumerable<string> secretNames)
    {
        var masked = publicConfig.DeepClone().AsObject();
        foreach (var name in secretNames)
        {
            if (name.StartsWith("headers.", StringComparison.Ordinal) && masked["headers"] is JsonObject headers)
            {
                headers[name["headers.".Length..]] = Mask;
            }
            else
            {
                masked[name] = Mask;
            }
        }

        return masked;
    }

    private static void TakeField(
        Field field, JsonNode? value, IReadOnlyDictionary<string, string> stored, JsonObject shown, Dictionary<string, string> secrets, Dictionary<string, string[]> errors)
    {
        var key = $"config.{field.Name}";
        if (field.Secret && (value is null || (value is JsonValue v && v.TryGetValue<string>(out var text) && text == Mask)) && stored.TryGetValue(field.Name, out var kept))
        {
            secrets[field.Name] = kept;
            return;
        }

        if (value is null && field.Default is { } defaultValue)
        {
            shown[field.Name] = defaultValue;
            return;
        }

        if (value is null)
        {
            if (field.Required)
            {
                errors[key] = [$"{field.Name} is required"];
            }

            return;
        }

        if (field.Check(value) is { } problem)
        {
            errors[key] = [$"{field.Name} {problem}"];
            return;
        }

        if (field.Secret)
        {
            secrets[field.Name] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }
        else if (field.Name == "headers")
        {
            shown["headers"] = TakeHeaders(value.AsObject(), stored, secrets);
        }
        else
        {
            shown[field.Name] = value.DeepClone();
        }
    }

    /// <summary>Header names are shown, their values are secrets (they often carry credentials).</summary>
    private static JsonObject TakeHeaders(JsonObject headers, IReadOnlyDictionary<string, string> stored, Dictionary<string, string> secrets)
    {
        var names = new JsonObject();
        foreach (var (name, value) in headers)
        {
            var given = value!.GetValue<string>();
            secrets[HeaderSecret(name)] = given == Mask && stored.TryGetValue(HeaderSecret(name), out var kept) ? kept : given;
            names[name] = "";
        }

        return names;
    }

    private static string? Text(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim().Length > 0 ? null : "must be a non-empty string";

    private static string? TextOrNumber(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number ? null : Text(value);

    private static string? HttpUrl(JsonNode value) =>
        Text(value) is null && Uri.TryCreate(value.GetValue<string>(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? null
            : "must be an absolute http:// or https:// URL";

    private static string? Port(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<int>(out var port) && port is >= 1 and <= 65535
            ? null
            : "must be a port number from 1 to 65535";

    private static string? Security(JsonNode value) =>
        Text(value) is null && value.GetValue<string>() is "none" or "starttls" or "tls" ? null : "must be none, starttls or tls";

    private static string? Address(JsonNode value) =>
        Text(value) is null && MailboxAddress.TryParse(value.GetValue<string>(), out var address) && address.Address.Contains('@')
            ? null
            : "must be a mail address";

    private static string? Addresses(JsonNode value) =>
        value is JsonArray { Count: > 0 } list && list.All(item => item is not null && Address(item) is null)
            ? null
            : "must be a non-empty list of mail addresses";

    private static string? Headers(JsonNode value) =>
        value is JsonObject headers && headers.All(header => IsToken(header.Key) && header.Value?.GetValueKind() == JsonValueKind.String)
            ? null
            : "must be an object of header names and string values";

    private static bool IsToken(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
