namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// One handler of a Razor page: the HTTP method, the page's route pattern and the handler's name (null for a plain
/// <c>OnGet</c>/<c>OnPost</c>). Names compare without case, as Razor Pages selects them.
/// </summary>
public sealed record PageHandler(string Method, string Pattern, string? Handler = null)
{
    public bool Equals(PageHandler? other) => other is not null
        && Method == other.Method && Pattern == other.Pattern && string.Equals(Handler, other.Handler, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(Method, Pattern, Handler?.ToLowerInvariant());

    public override string ToString() => Handler is null ? $"{Method} {Pattern}" : $"{Method} {Pattern}?handler={Handler}";
}
