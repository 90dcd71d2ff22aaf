using Microsoft.Playwright;

namespace Planekeeper.Tests.Browser;

/// <summary>Playwright's own actions: click, fill, select.</summary>
public sealed class MouseHands : Hands
{
    public override Task FillAsync(ILocator field, string text) => field.FillAsync(text);

    public override Task ChooseAsync(ILocator select, string label) => select.SelectOptionAsync(new SelectOptionValue { Label = label });

    public override Task PressAsync(ILocator control) => control.ClickAsync();
}
