namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>What an action is.</summary>
internal enum ActionKind
{
    Output,
    If,
    ElseIf,
    Else,
    End,
}

/// <summary>One parsed action: its kind, where its first word is, and its pipeline (output, if, else if).</summary>
internal sealed record ParsedAction(ActionKind Kind, int Index, Pipeline? Pipeline);
