namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Maps a character index of a text to its 1-based line and column.</summary>
internal sealed class SourcePositions(string text)
{
    private readonly List<int> _lineStarts = LineStarts(text);

    public (int Line, int Column) Of(int index)
    {
        var line = _lineStarts.FindLastIndex(start => start <= index);
        return (line + 1, index - _lineStarts[line] + 1);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
