using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs.HelmSync;

public static class HelmSyncJobRequests
{
    public static CommandResult<(HelmSyncJobDefinition Definition, CronSchedule? Schedule)> Validate(HelmSyncJobRequest request) =>
        JobValidation.ToCommand(
            HelmSyncJobValidator.Validate(new HelmSyncJobInput(
                request.Name, request.RepositoryUrl, request.ChartFilter, request.Schedule, request.CredentialName, request.Labels)),
            job => job.Schedule);
}
