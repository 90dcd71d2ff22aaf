namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>The outcomes an evaluation reports (<see cref="ConfigEvaluation.Outcome"/>).</summary>
public static class EvaluationOutcomes
{
    public const string Created = "created";
    public const string Escalated = "escalated";
    public const string DeEscalated = "de_escalated";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Resolved = "resolved";
    public const string NoAlert = "no_alert";
    public const string WaitingForInputs = "waiting_for_inputs";
    public const string Inactive = "inactive";
    public const string NotFound = "not_found";
}
