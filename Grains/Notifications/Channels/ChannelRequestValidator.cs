using System.Text.Json;
using System.Text.Json.Nodes;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Protection;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>
/// Checks a channel request field by field (name, type, the type's configuration, templates) and builds the row to
/// store, secrets encrypted. A secret left out on replace keeps its stored value while the channel's destination stays
/// the same; an empty <c>hmac_secret</c> removes it.
/// </summary>
public sealed class ChannelRequestValidator(ChannelSecrets secrets)
{
    public const int NameMaxLength = 200;

    public CommandResult<ChannelRow> Validate(NotificationChannelRequest request, long organizationId, ChannelRow? existing)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameMaxLength)
        {
            errors["name"] = [$"name is required, at most {NameMaxLength} characters"];
        }

        var type = request.Type;
        if (type is null || !ChannelTypes.All.Contains(type))
        {
            errors["type"] = [$"type must be one of {string.Join(", ", ChannelTypes.All)}"];
            return CommandResult<ChannelRow>.Invalid(errors);
        }

        var requested = ParseConfig(request.ConfigJson, errors);
        var (stored, toResend) = KeptSecrets(existing, type, requested, request.HmacSecret);
        var config = requested is null ? null : ValidateConfig(type, requested, stored, errors);
        foreach (var (field, messages) in toResend)
        {
            errors[field] = messages;
        }

        ValidateTemplates(type, request.Templates, errors);
        if (errors.Count > 0 || config is null)
        {
            return CommandResult<ChannelRow>.Invalid(errors);
        }

        var allSecrets = new Dictionary<string, string>(config.Value.Secrets, StringComparer.Ordinal);
        if (HmacSecret(request.HmacSecret, stored) is { } hmac)
        {
            allSecrets[ChannelSecretNames.HmacSecret] = hmac;
        }

        return CommandResult<ChannelRow>.Ok(new ChannelRow
        {
            Id = existing?.Id ?? 0,
            Version = existing?.Version ?? 0,
            OrganizationId = organizationId,
            Name = name!,
            Type = type,
            Config = config.Value.Public.ToJsonString(),
            Secrets = secrets.Protect(allSecrets),
            SecretNames = allSecrets.Keys.Order(StringComparer.Ordinal).ToArray(),
            Templates = JsonSerializer.Serialize(request.Templates ?? new Dictionary<string, string>()),
            Active = request.Active ?? existing?.Active ?? true,
            RequireAckAuth = request.RequireAckAuth ?? existing?.RequireAckAuth ?? true,
        });
    }

    private static JsonObject? ParseConfig(string? configJson, Dictionary<string, string[]> errors)
    {
        JsonObject? config;
        try
        {
            config = configJson is null ? new JsonObject() : JsonNode.Parse(configJson) as JsonObject;
        }
        catch (JsonException)
        {
            config = null;
        }

        if (config is null)
        {
            errors["config"] = ["config must be a JSON object"];
        }

        return config;
    }

    /// <summary>
    /// The stored secrets a request may keep by leaving them out: all of them while the destination stays, none once
    /// it changes — then every stored secret not sent again is a field error (<see cref="ChannelDestination"/>).
    /// </summary>
    private (IReadOnlyDictionary<string, string> Kept, IReadOnlyDictionary<string, string[]> ToResend) KeptSecrets(
        ChannelRow? existing, string type, JsonObject? requested, string? requestedHmacSecret)
    {
        if (existing is null || requested is null)
        {
            return (NoSecrets, NoErrors);
        }

        var stored = secrets.UnprotectOrNone(existing.Secrets);
        return ChannelDestination.Changes(existing, stored, type, requested)
            ? (NoSecrets, ChannelDestination.SecretsToResend(existing.Type != type, stored, requested, requestedHmacSecret))
            : (stored, NoErrors);
    }

    private static readonly Dictionary<string, string> NoSecrets = new();
    private static readonly Dictionary<string, string[]> NoErrors = new();

    private static (JsonObject Public, IReadOnlyDictionary<string, string> Secrets)? ValidateConfig(
        string type, JsonObject config, IReadOnlyDictionary<string, string> stored, Dictionary<string, string[]> errors)
    {
        var validation = ChannelConfigValidator.Validate(type, config, stored);
        if (validation.Errors is { Count: > 0 } configErrors)
        {
            foreach (var (field, messages) in configErrors)
            {
                errors[field] = messages;
            }

            return null;
        }

        return (validation.PublicConfig!, validation.Secrets!);
    }

    private static void ValidateTemplates(string type, IReadOnlyDictionary<string, string>? templates, Dictionary<string, string[]> errors)
    {
        foreach (var (category, source) in templates ?? new Dictionary<string, string>())
        {
            if (!TemplateCategories.All.Contains(category))
            {
                errors[$"templates.{category}"] = [$"the template categories are {string.Join(", ", TemplateCategories.All)}"];
            }
            else if (TemplateValidation.Validate(type, source) is { } error)
            {
                errors[$"templates.{category}"] = [error.ToString()];
            }
        }
    }

    private static string? HmacSecret(string? requested, IReadOnlyDictionary<string, string> stored) => requested switch
    {
        null => stored.GetValueOrDefault(ChannelSecretNames.HmacSecret),
        "" => null,
        _ => requested,
    };
}
