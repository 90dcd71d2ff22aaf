using Planekeeper.Grains.Jobs;

namespace Planekeeper.Tests.Unit.Jobs;

internal static class ValidationAssert
{
    public static T Valid<T>(Validated<T> result)
    {
        Assert.True(result.IsValid, "unexpected errors: " + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}")));
        Assert.NotNull(result.Value);
        return result.Value;
    }

    /// <summary>Asserts that the only errors are under <paramref name="field"/>, and returns them.</summary>
    public static string[] OnlyError<T>(Validated<T> result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([field], result.Errors.Keys);
        Assert.NotEmpty(result.Errors[field]);
        return result.Errors[field];
    }
}
