namespace Planekeeper.WebFrontend.Identity;

public static class HttpContextIdentity
{
    private static readonly object IdentityKey = new();

    public static void SetIdentity(this HttpContext context, RequestIdentity identity) => context.Items[IdentityKey] = identity;

    public static RequestIdentity Identity(this HttpContext context) =>
        context.Items.TryGetValue(IdentityKey, out var identity) ? (RequestIdentity)identity! : RequestIdentity.Anonymous;
}
