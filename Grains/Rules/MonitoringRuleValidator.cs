using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Rules;
using Planekeeper.Grains.Rules;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Rules;

/// <summary>Checks a rule request field by field (422 naming each field) and builds its definition.</summary>
public static class MonitoringRuleValidator
{
    public const int NameMaxLength = 200;

    public static CommandResult<MonitoringRuleDefinition> Validate(MonitoringRuleRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["name is required"];
        }
        else if (name.Length > NameMaxLength)
        {
            errors["name"] = [$"name must be at most {NameMaxLength} characters"];
        }

        if (request.RuleType is not { } ruleType || !RuleTypes.All.Contains(ruleType))
        {
            errors["rule_type"] = [$"rule_type must be one of {string.Join(", ", RuleTypes.All)}"];
        }

        foreach (var (field, value) in new[] { ("moderate", request.Moderate), ("high", request.High), ("critical", request.Critical) })
        {
            if (value is null)
            {
                errors[field] = [$"{field} is required (a whole number of the rule's unit, ≥ 0)"];
            }
        }

        if (request is { Moderate: { } moderate, High: { } high, Critical: { } critical })
        {
            foreach (var (field, messages) in RuleThresholds.Validate(moderate, high, critical))
            {
                errors[field] = messages;
            }
        }

        return errors.Count > 0
            ? CommandResult<MonitoringRuleDefinition>.Invalid(errors)
            : CommandResult<MonitoringRuleDefinition>.Ok(new MonitoringRuleDefinition(
                name!, request.RuleType!, request.Moderate!.Value, request.High!.Value, request.Critical!.Value, request.StableOnly ?? true));
    }
}
