using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Ui;
using Planekeeper.WebFrontend.Ui.TagHelpers;

namespace Planekeeper.Tests.Unit.Ui;

/// <summary>A control whose action the viewer lacks is rendered disabled, naming the action; one they hold is left alone.</summary>
public class RequiresActionTagHelperTests
{
    private static string Render(string action, params string[] held)
    {
        var http = new DefaultHttpContext();
        http.SetViewer(new Viewer(new UserRecord(7, "viewer@example.com", true, false, DateTime.UnixEpoch), [], null, held.ToHashSet()));
        var helper = new RequiresActionTagHelper { Action = action, ViewContext = new ViewContext { HttpContext = http } };
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("button", [new TagHelperAttribute("type", "submit")], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        output.Content.SetContent("Acknowledge");

        helper.Process(context, output);

        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_control_the_viewer_lacks_the_action_for_is_disabled_with_the_action_named()
    {
        var html = Render("alerts:acknowledge", "alerts:list", "alerts:read");

        Assert.Equal(
            "<span class=\"permission-gate\" title=\"You lack the permission alerts:acknowledge\">"
            + "<button type=\"submit\" disabled=\"disabled\" title=\"You lack the permission alerts:acknowledge\" data-missing-action=\"alerts:acknowledge\">Acknowledge</button></span>",
            html);
    }

    [Fact]
    public void A_control_the_viewer_may_use_is_left_as_written()
    {
        var html = Render("alerts:acknowledge", "alerts:acknowledge");

        Assert.Equal("<button type=\"submit\">Acknowledge</button>", html);
    }
}
