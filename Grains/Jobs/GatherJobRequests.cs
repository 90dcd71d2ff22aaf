using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>Turns an API request into a validated definition and its cron schedule, or the field errors.</summary>
public static class GatherJobRequests
{
    public static CommandResult<(GatherJobDefinition Job, CronSchedule? Schedule)> Validate(GatherJobRequest request)
    {
        var validated = GatherJobValidator.Validate(new GatherJobInput(
            request.Name, request.SourceType, request.ArtifactName, request.Schedule, request.CredentialName, request.TagFilter, request.Labels));
        if (!validated.IsValid)
        {
            return CommandResult<(GatherJobDefinition, CronSchedule?)>.Invalid(validated.Errors);
        }

        var job = validated.Value!;
        CronSchedule.TryParse(job.Schedule, out var schedule, out _);
        return CommandResult<(GatherJobDefinition, CronSchedule?)>.Ok((job, schedule));
    }
}
