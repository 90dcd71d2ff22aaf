namespace Planekeeper.Grains.Jobs;

/// <summary>A validated value, or the errors of each field (API snake_case names) that stopped it.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
