namespace Planekeeper.WebFrontend.Api;

/// <summary>The <c>limit</c> (1–200, default 50) and <c>cursor</c> of list routes; cursors are the last id seen.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record Request(int Limit, long? After);

    public static Request? Parse(int? limit, string? cursor)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return null;
        }

        if (string.IsNullOrEmpty(cursor))
        {
            return new Request(size, null);
        }

        return long.TryParse(cursor, out var after) && after >= 0 ? new Request(size, after) : null;
    }

    public static IResult Problem(int? limit) => limit is < 1 or > MaxLimit
        ? Problems.Invalid("limit", $"limit must be between 1 and {MaxLimit}")
        : Problems.Invalid("cursor", "cursor is not one this API returned");
}
