namespace Planekeeper.Grains.Jobs;

/// <summary>Collects error messages per field while a validator runs.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            messages = [];
            errors[field] = messages;
        }
        messages.Add(message);
    }

    /// <summary>The value built by <paramref name="build"/> when nothing was collected; otherwise only the errors.</summary>
    public Validated<T> ToResult<T>(Func<T> build)
    {
        if (errors.Count == 0)
        {
            return new Validated<T>(build(), new Dictionary<string, string[]>());
        }
        return new Validated<T>(default, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
