namespace Planekeeper.Grains.Alerts.Evaluation;

public enum AlertChangeKind
{
    None,
    Create,
    Escalate,
    DeEscalate,
    Update,
    Resolve,
}

/// <summary>One entry for the alert's history, and the event it emits (null: a silent change).</summary>
public sealed record AlertStep(string Action, string? Event);

/// <summary>What an evaluation changes; <see cref="Steps"/> go to the alert's history in order.</summary>
public sealed record AlertDecision(AlertChangeKind Kind, bool ClearsAcknowledgment, IReadOnlyList<AlertStep> Steps)
{
    public static AlertDecision Nothing { get; } = new(AlertChangeKind.None, false, []);
}
