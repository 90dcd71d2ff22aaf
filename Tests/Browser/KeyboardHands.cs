using Microsoft.Playwright;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The keyboard alone: Tab until the control has the focus (so it must be reachable in the tab order and show it
/// took the focus), then type, arrow through a select's options, or press Enter.
/// </summary>
public sealed class KeyboardHands : Hands
{
    private const int MaxPresses = 200;

    private const string ShowsFocus =
        "() => document.activeElement === document.body || getComputedStyle(document.activeElement).outlineStyle !== 'none'";

    public override async Task FillAsync(ILocator field, string text)
    {
        await ReachAsync(field);
        await field.Page.Keyboard.PressAsync("Control+A");
        await field.Page.Keyboard.TypeAsync(text);
    }

    public override async Task ChooseAsync(ILocator select, string label)
    {
        await ReachAsync(select);
        var indexes = await select.EvaluateAsync<int[]>(
            "(select, label) => [select.selectedIndex, [...select.options].findIndex(option => option.label === label)]", label);
        Assert.True(indexes[1] >= 0, $"{select} has no option {label}");
        for (var step = 0; step < Math.Abs(indexes[1] - indexes[0]); step++)
        {
            await select.Page.Keyboard.PressAsync(indexes[1] > indexes[0] ? "ArrowDown" : "ArrowUp");
        }

        Assert.Equal(label, await select.EvaluateAsync<string>("select => select.selectedOptions[0].label"));
    }

    public override async Task PressAsync(ILocator control)
    {
        await ReachAsync(control);
        // The locator's press (on the element that already has the focus) waits for the navigation Enter starts.
        await control.PressAsync("Enter");
    }

    private static async Task ReachAsync(ILocator target)
    {
        for (var presses = 0; presses < MaxPresses; presses++)
        {
            if (await HasFocusAsync(target))
            {
                return;
            }

            await target.Page.Keyboard.PressAsync("Tab");
            Assert.True(await target.Page.EvaluateAsync<bool>(ShowsFocus), $"a control on the way to {target} shows no focus outline");
        }

        Assert.Fail($"{target} was not reached with Tab in {MaxPresses} presses");
    }

    /// <summary>
    /// Whether the control has the focus; false while a live refresh is replacing it (it is found again). A control
    /// that never appears still fails: Playwright reports that as a <see cref="TimeoutException"/>.
    /// </summary>
    private static async Task<bool> HasFocusAsync(ILocator target)
    {
        try
        {
            return await target.EvaluateAsync<bool>("element => element === document.activeElement");
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }
}
