namespace Planekeeper.Grains.Jobs;

/// <summary>Collects validation messages per field.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public Validated<T> Result<T>(Func<T> build) =>
        _errors.Count == 0
            ? new Validated<T>(build(), new Dictionary<string, string[]>())
            : new Validated<T>(default, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
