namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>The states of a drift table row (<see cref="AlertConfigDrift.State"/>).</summary>
public static class DriftStates
{
    /// <summary>The config or its rule is switched off.</summary>
    public const string Off = "off";

    /// <summary>Not evaluated since it was created (or since this column exists).</summary>
    public const string NotEvaluated = "not_evaluated";

    /// <summary>The scrape job has no version yet, or the gather job no eligible release.</summary>
    public const string WaitingForInputs = "waiting_for_inputs";

    /// <summary>Behind far enough for an active alert.</summary>
    public const string Alerting = "alerting";

    /// <summary>Judged, and not behind far enough for an alert (possibly behind by less than the lowest threshold).</summary>
    public const string WithinThresholds = "within_thresholds";
}
