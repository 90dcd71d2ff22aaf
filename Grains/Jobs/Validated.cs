namespace Planekeeper.Grains.Jobs;

/// <summary>A validated value, or the errors (by snake_case field name) that prevented it.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
