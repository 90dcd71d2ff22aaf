using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs.Gather;

public static class GatherJobRequests
{
    public static CommandResult<(GatherJobDefinition Definition, CronSchedule? Schedule)> Validate(GatherJobRequest request) =>
        JobValidation.ToCommand(
            GatherJobValidator.Validate(new GatherJobInput(
                request.Name, request.SourceType, request.ArtifactName, request.Schedule, request.CredentialName, request.TagFilter, request.Labels)),
            job => job.Schedule);
}
