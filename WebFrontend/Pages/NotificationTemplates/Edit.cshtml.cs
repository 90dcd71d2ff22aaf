using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Pages.NotificationTemplates;

/// <summary>
/// <c>/notification-templates/{channelType}/{category}</c>: the template in effect in an editor, the variables,
/// pipes and conditions beside it, and a preview rendered for a sample alert of an event of the category as you type
/// (htmx posts <c>?handler=preview</c> 400 ms after the last keystroke and swaps in <c>_Preview</c>; without scripts
/// the <em>Preview</em> button posts the same handler and gets the whole page). <em>Save</em> is
/// <c>PUT /api/v1/notification-templates/{category}</c>, <em>Revert to built-in</em> (confirmed first,
/// <c>?revert=true</c>) <c>DELETE</c>; a template that does not parse is refused with its line and column, shown
/// next to the field and marked in the preview.
/// </summary>
public sealed class TemplateEditModel(IClusterClient cluster) : PlanekeeperPage
{
    public const string PreviewAction = "notification-templates:preview";

    [FromRoute(Name = "channelType")]
    public string ChannelType { get; set; } = "";

    [FromRoute(Name = "category")]
    public string Category { get; set; } = "";

    /// <summary>The text in the editor: the template in effect on a GET, what was typed on a post.</summary>
    [BindProperty(Name = "template")]
    public string? Template { get; set; }

    /// <summary>
    /// The version of the organization's settings (which hold its templates) when the editor was opened; saving or
    /// reverting is refused (412) when they moved on since (docs/ui.md, "Editing at the same time").
    /// </summary>
    [BindProperty(Name = "loaded_version")]
    public int? LoadedVersion { get; set; }

    /// <summary>The event whose sample alert the preview renders (one of the category's).</summary>
    [BindProperty(Name = "event", SupportsGet = true)]
    public string? Event { get; set; }

    /// <summary>The template in effect and where it comes from.</summary>
    public TemplateRecord Record { get; private set; } = null!;

    public TemplateVocabulary Vocabulary { get; private set; } = null!;

    public IReadOnlyList<string> Events => Vocabulary.EventsOf(Category);

    public TemplatePreview? Preview { get; private set; }

    /// <summary>Why the preview could not be rendered, marked at its line when it names one.</summary>
    public string? PreviewError { get; private set; }

    public TemplateErrorMark? PreviewErrorMark => PreviewError is { } error ? TemplateErrorMark.From(error, Template) : null;

    /// <summary>The editor was empty, so the preview shows the template in effect.</summary>
    public bool PreviewOfTemplateInEffect { get; private set; }

    public bool ConfirmingRevert { get; private set; }

    public string? Notice { get; private set; }

    public string TypeLabel => TemplateSources.TypeLabel(ChannelType);

    /// <summary>Where the editor's form posts: the page itself, with the handler.</summary>
    public string HandlerUrl(string handler) => $"/notification-templates/{ChannelType}/{Category}?handler={handler}";

    public async Task<IActionResult> OnGetAsync(bool revert, string? notice)
    {
        LoadedVersion = (await cluster.GetGrain<ISettingsGrain>(OrganizationId).GetAsync()).Version;
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Template = Record.Template;
        ConfirmingRevert = revert && Record.Source == TemplateSources.Organization;
        Notice = notice switch
        {
            "saved" => "Saved: this organization's template is in effect.",
            "reverted" => $"Reverted: {TemplateSources.Explain(Record.Source)} is in effect again.",
            _ => null,
        };
        if (Viewer!.May(PreviewAction))
        {
            await PreviewAsync();
        }

        return Page();
    }

    /// <summary>The preview of what is typed: the <c>_Preview</c> fragment for htmx (200 even for a template error, so it is swapped in), else the page.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        // A preview as you type needs no template in effect (one grain call, not a look-up per type and category).
        if (!await LoadAsync(withRecord: !Request.IsHtmx()) || !await PreviewAsync())
        {
            return NotFound();
        }

        if (Request.IsHtmx())
        {
            return Partial("_Preview", this);
        }

        if (PreviewError is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var result = await Grain.SetAsync(Actor, OrganizationId, Category, ChannelType, Template, Loaded(LoadedVersion));
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect($"/notification-templates/{ChannelType}/{Category}?notice=saved&event={Uri.EscapeDataString(Event!)}");
        }

        if (Viewer!.May(PreviewAction))
        {
            await PreviewAsync();
        }

        return PageWithErrors(result, "template");
    }

    public async Task<IActionResult> OnPostRevertAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var result = await Grain.RemoveAsync(Actor, OrganizationId, Category, ChannelType, Loaded(LoadedVersion));
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect($"/notification-templates/{ChannelType}/{Category}?notice=reverted");
        }

        Template = Record.Template;
        ConfirmingRevert = true;
        return PageWithErrors(result, "revert");
    }

    /// <summary>
    /// The vocabulary and (<paramref name="withRecord"/>) the template in effect; false for a category, or with the
    /// record a channel type, that does not exist (404).
    /// </summary>
    private async Task<bool> LoadAsync(bool withRecord = true)
    {
        var vocabulary = Grain.VocabularyAsync();
        var templates = withRecord ? await Grain.ListAsync(OrganizationId) : [];
        Vocabulary = await vocabulary;
        Template = TemplateText.Normalize(Template);
        if (Events.Count == 0)
        {
            return false;
        }

        Event = Events.Contains(Event) ? Event : Events[0];
        if (!withRecord)
        {
            return true;
        }

        if (templates.FirstOrDefault(template => template.ChannelType == ChannelType && template.Category == Category) is not { } record)
        {
            return false;
        }

        Record = record;
        return true;
    }

    /// <summary>Renders the editor's text (or, when empty, the template in effect) for the sample; false when the grain does not know the channel type.</summary>
    private async Task<bool> PreviewAsync()
    {
        PreviewOfTemplateInEffect = string.IsNullOrWhiteSpace(Template);
        var result = await Grain.PreviewAsync(OrganizationId, ChannelType, Event, PreviewOfTemplateInEffect ? null : Template);
        if (result.Status == CommandStatus.Ok)
        {
            Preview = result.Value;
            return true;
        }

        if (result.Errors?.ContainsKey("channel_type") == true)
        {
            return false;
        }

        PreviewError = result.Errors?.Values.SelectMany(messages => messages).FirstOrDefault() ?? result.Detail ?? "the template could not be rendered";
        return true;
    }

    private INotificationTemplatesGrain Grain => cluster.GetGrain<INotificationTemplatesGrain>(0);
}
