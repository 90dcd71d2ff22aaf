using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Interfaces.Rules;

/// <summary>The fields a client sends to create or replace a monitoring rule; validated by the grain.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.rule-request")]
public sealed record MonitoringRuleRequest(
    [property: Id(0)] string? Name,
    [property: Id(1), ValuesOf(typeof(RuleTypes))] string? RuleType,
    [property: Id(2)] int? Moderate,
    [property: Id(3)] int? High,
    [property: Id(4)] int? Critical,
    [property: Id(5)] bool? StableOnly);
