using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Planekeeper.WebFrontend.Ui.TagHelpers;

/// <summary>
/// <c>&lt;field-error field="email" /&gt;</c>: the validation messages of one field (the same messages the API
/// answers in its 422 <c>errors</c>) as <c>&lt;p class="field-error" id="email-error"&gt;</c>, or nothing. Inputs
/// point at it with <c>aria-describedby="email-error"</c>; <c>field=""</c> shows the form's own errors.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string Field { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var messages = ViewContext.ModelState.TryGetValue(Field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Field.Length == 0 ? "form-error" : "field-error");
        output.Attributes.SetAttribute("id", Field.Length == 0 ? "form-error" : $"{Field}-error");
        output.Attributes.SetAttribute("role", "alert");
        output.Content.SetContent(string.Join(" ", messages.Select(Sentence)));
    }

    /// <summary>The grains' messages are lower-case phrases ("name is required"); on a page they start a sentence.</summary>
    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
