using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>
/// Checks an alert config request field by field: a name, and a scrape job, gather job and rule that exist in the
/// config's own organization (another organization's id reads as "no such …", never as "not yours").
/// </summary>
public sealed class AlertConfigValidator(AlertConfigStore store)
{
    public const int NameMaxLength = 200;

    public async Task<CommandResult<AlertConfigDefinition>> ValidateAsync(long organizationId, AlertConfigRequest request)
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

        var (scrapeJob, gatherJob, rule) = await store.OwnersAsync(request.ScrapeJobId ?? 0, request.GatherJobId ?? 0, request.RuleId ?? 0);
        Check(errors, "scrape_job_id", "scrape job", request.ScrapeJobId, scrapeJob, organizationId);
        Check(errors, "gather_job_id", "gather job", request.GatherJobId, gatherJob, organizationId);
        Check(errors, "rule_id", "monitoring rule", request.RuleId, rule, organizationId);
        return errors.Count > 0
            ? CommandResult<AlertConfigDefinition>.Invalid(errors)
            : CommandResult<AlertConfigDefinition>.Ok(new AlertConfigDefinition(name!, request.ScrapeJobId!.Value, request.GatherJobId!.Value, request.RuleId!.Value));
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string noun, long? id, long? owner, long organizationId)
    {
        if (id is null)
        {
            errors[field] = [$"{field} is required"];
        }
        else if (owner != organizationId)
        {
            errors[field] = [$"no {noun} {id} in this organization"];
        }
    }
}
