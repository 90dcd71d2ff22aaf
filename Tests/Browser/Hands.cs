using Microsoft.Playwright;

namespace Planekeeper.Tests.Browser;

/// <summary>How the person of a browser test works a page: with the mouse, or with the keyboard alone.</summary>
public abstract class Hands
{
    public static Hands Mouse { get; } = new MouseHands();

    public static Hands Keyboard { get; } = new KeyboardHands();

    public static Hands Named(string name) => name switch
    {
        "mouse" => Mouse,
        "keyboard" => Keyboard,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "mouse or keyboard"),
    };

    /// <summary>Replaces the text of an input.</summary>
    public abstract Task FillAsync(ILocator field, string text);

    /// <summary>Chooses the option with this label in a select.</summary>
    public abstract Task ChooseAsync(ILocator select, string label);

    /// <summary>Presses a button or follows a link.</summary>
    public abstract Task PressAsync(ILocator control);
}
