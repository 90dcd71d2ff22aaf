using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs.Scrape;

public static class ScrapeJobRequests
{
    public static CommandResult<(ScrapeJobDefinition Definition, CronSchedule? Schedule)> Validate(ScrapeJobRequest request) =>
        JobValidation.ToCommand(
            ScrapeJobValidator.Validate(new ScrapeJobInput(
                request.Name, request.RepositoryUrl, request.Ref, request.TargetFile, request.ParseType, request.ParseExpression,
                request.CredentialName, request.Schedule, request.VersionTransform, request.HistoryLimit, request.Labels)),
            job => job.Schedule);
}
