using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Planekeeper.WebFrontend.Ui.TagHelpers;

/// <summary>
/// <c>&lt;button requires-action="alerts:acknowledge"&gt;</c>: when the page's <see cref="Viewer"/> lacks the action,
/// the control is rendered disabled, wrapped in a span whose tooltip (and the button's description for screen
/// readers) names the missing action. Only a hint: the server refuses the action anyway (docs/ui.md).
/// </summary>
[HtmlTargetElement("button", Attributes = AttributeName)]
[HtmlTargetElement("input", Attributes = AttributeName)]
[HtmlTargetElement("select", Attributes = AttributeName)]
public sealed class RequiresActionTagHelper : TagHelper
{
    private const string AttributeName = "requires-action";

    [HtmlAttributeName(AttributeName)]
    public string Action { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.HttpContext.Viewer()?.May(Action) == true)
        {
            return;
        }

        Disable(output, Action);
    }

    /// <summary>Marks <paramref name="output"/> disabled for lacking <paramref name="action"/>.</summary>
    public static void Disable(TagHelperOutput output, string action)
    {
        var why = $"You lack the permission {action}";
        output.Attributes.SetAttribute("disabled", "disabled");
        output.Attributes.SetAttribute("title", why);
        output.Attributes.SetAttribute("data-missing-action", action);
        output.PreElement.SetHtmlContent($"<span class=\"permission-gate\" title=\"{System.Net.WebUtility.HtmlEncode(why)}\">");
        output.PostElement.SetHtmlContent("</span>");
    }
}
