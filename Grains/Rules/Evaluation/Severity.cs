namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>How bad an alert is; ordered, so a higher value is a worse alert.</summary>
public enum Severity
{
    Moderate = 1,
    High = 2,
    Critical = 3,
}
