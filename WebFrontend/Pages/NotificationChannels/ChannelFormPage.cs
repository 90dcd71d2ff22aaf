using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationChannels;

/// <summary>
/// What the new and edit pages of a notification channel share: the form of one type (only its fields), saved
/// through the grains that validate it as <c>POST</c>/<c>PUT /api/v1/notification-channels</c> do. Secrets are
/// write-only: an edit form shows whether one is set, and a secret left empty keeps the stored value (sent masked).
/// </summary>
public abstract class ChannelFormPage(IClusterClient cluster) : PlanekeeperPage
{
    private const string Mask = "********";

    public long? Id { get; protected set; }

    public string Type { get; protected set; } = "webhook";

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "hmac_secret")]
    public string? HmacSecret { get; set; }

    [BindProperty(Name = "require_ack_auth")]
    public bool RequireAckAuth { get; set; }

    /// <summary>The channel's version when the edit page was loaded; a save or delete is refused (412) when it moved on since.</summary>
    [BindProperty(Name = "loaded_version")]
    public int? LoadedVersion { get; set; }

    /// <summary>The form's values by config field (secrets never filled in from storage).</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The stored secrets by field (and <c>hmac_secret</c>): shown as "set", never as values.</summary>
    public HashSet<string> SetSecrets { get; } = new(StringComparer.Ordinal);

    public bool Generated { get; private set; }

    /// <summary>The stored configuration (secrets masked), whose fields the form does not show are sent back unchanged.</summary>
    private JsonObject? _stored;

    public IReadOnlyList<ChannelField> Fields => ChannelTypeForms.Types[Type].Fields;

    /// <summary>Where the form saves: the page itself, never the generate handler the page may have been answered by.</summary>
    public string FormAction => Id is { } id ? $"/notification-channels/{id}/edit" : $"/notification-channels/new?type={Type}";

    protected IClusterClient Cluster => cluster;

    /// <summary>Takes a stored channel's type and configuration (secrets only marked as set); a GET also shows its name and flags.</summary>
    protected void Fill(NotificationChannelRecord channel)
    {
        Type = channel.Type;
        if (HttpMethods.IsGet(Request.Method))
        {
            (Name, RequireAckAuth) = (channel.Name, channel.RequireAckAuth);
        }

        var config = JsonNode.Parse(channel.ConfigJson)!.AsObject();
        _stored = config;
        foreach (var field in Fields)
        {
            if (config[field.Name] is not { } value)
            {
                continue;
            }

            if (field.IsSecret)
            {
                SetSecrets.Add(field.Name);
            }
            else
            {
                Values[field.Name] = value is JsonArray list ? string.Join('\n', list.Select(item => item!.ToString())) : value.ToString();
            }
        }

        if (channel.HasHmacSecret)
        {
            SetSecrets.Add("hmac_secret");
        }
    }

    protected async Task<IActionResult> SaveAsync(Func<NotificationChannelRequest, Task<CommandResult<NotificationChannelRecord>>> save)
    {
        ReadValues();
        var request = new NotificationChannelRequest(
            Name, Type, Config().ToJsonString(), string.IsNullOrEmpty(HmacSecret) ? null : HmacSecret, RequireAckAuth, null, null);
        var result = await save(request);
        return result.Status == CommandStatus.Ok ? LocalRedirect("/notification-channels?notice=saved") : PageWithErrors(result);
    }

    /// <summary>The form again with a new random HMAC secret filled in, to copy into the receiver before saving.</summary>
    protected IActionResult Generate()
    {
        Response.Headers.CacheControl = "no-store";
        ReadValues();
        HmacSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Generated = true;
        return Page();
    }

    private void ReadValues()
    {
        foreach (var field in Fields)
        {
            Values[field.Name] = Request.Form[field.InputName].ToString().Trim();
        }
    }

    private JsonObject Config()
    {
        var config = new JsonObject();
        foreach (var (name, value) in _stored ?? [])
        {
            if (Fields.All(field => field.Name != name))
            {
                config[name] = value?.DeepClone();
            }
        }

        foreach (var field in Fields)
        {
            var text = Values[field.Name];
            if (text.Length == 0)
            {
                if (field.IsSecret && Id is not null)
                {
                    config[field.Name] = Mask;
                }

                continue;
            }

            config[field.Name] = field.Kind switch
            {
                ChannelFieldKind.Number when int.TryParse(text, out var number) => number,
                ChannelFieldKind.Addresses => new JsonArray(text.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(address => (JsonNode)JsonValue.Create(address)!).ToArray()),
                _ => text,
            };
        }

        return config;
    }
}
