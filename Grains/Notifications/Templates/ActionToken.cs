namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A word of an action (<c>if</c>, <c>.Alert.Severity</c>, <c>upper</c>) or a pipe, at its index in the source.</summary>
internal readonly record struct ActionToken(string Text, int Index)
{
    public const string Pipe = "|";

    public bool IsPipe => Text == Pipe;

    public bool IsField => Text.StartsWith('.');

    /// <summary>Splits an action's content on white space, with each <c>|</c> a token of its own.</summary>
    public static List<ActionToken> Read(string content, int index)
    {
        var tokens = new List<ActionToken>();
        var position = 0;
        while (position < content.Length)
        {
            if (char.IsWhiteSpace(content[position]))
            {
                position++;
                continue;
            }

            var length = content[position] == '|' ? 1 : WordLength(content, position);
            tokens.Add(new ActionToken(content.Substring(position, length), index + position));
            position += length;
        }

        return tokens;
    }

    private static int WordLength(string content, int start)
    {
        var end = start;
        while (end < content.Length && !char.IsWhiteSpace(content[end]) && content[end] != '|')
        {
            end++;
        }

        return end - start;
    }
}
