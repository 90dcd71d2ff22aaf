using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

public static class GatherJobRequests
{
    public static CommandResult<(GatherJobDefinition Definition, CronSchedule? Schedule)> Validate(GatherJobRequest request) =>
        JobValidation.ToCommand(
            GatherJobValidator.Validate(new GatherJobInput(
                request.Name, request.SourceType, request.ArtifactName, request.Schedule, request.CredentialName, request.TagFilter, request.Labels)),
            job => job.Schedule);
}
