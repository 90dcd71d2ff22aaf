namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A parse error at a character index of the template source; the parser turns it into a <see cref="TemplateError"/>.</summary>
internal sealed class TemplateSyntaxException(int index, string message) : Exception(message)
{
    public int Index { get; } = index;
}
