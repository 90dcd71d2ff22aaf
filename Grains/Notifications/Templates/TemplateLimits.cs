namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// How large and how deep a template may be (docs/notifications.md, "Limits"). Templates come from any member who may
/// edit or preview them, so these bound the work one request can cause.
/// </summary>
public static class TemplateLimits
{
    /// <summary>Characters in one template (64 Ki).</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary><c>{{if}}</c> inside <c>{{if}}</c>; an <c>{{else if}}</c> chain counts as one level.</summary>
    public const int MaxNesting = 32;
}
