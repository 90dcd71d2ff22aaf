using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

public static class JobValidation
{
    /// <summary>A validated definition with its parsed schedule, or the field errors as a 422 result.</summary>
    public static CommandResult<(T Definition, CronSchedule? Schedule)> ToCommand<T>(Validated<T> validated, Func<T, string?> schedule)
    {
        if (!validated.IsValid)
        {
            return CommandResult<(T, CronSchedule?)>.Invalid(validated.Errors);
        }

        CronSchedule.TryParse(schedule(validated.Value!), out var parsed, out _);
        return CommandResult<(T, CronSchedule?)>.Ok((validated.Value!, parsed));
    }
}
