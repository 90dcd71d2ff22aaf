namespace Planekeeper.WebFrontend.Pages.Onboarding;

/// <summary>An invite as people paste it: the whole link (<c>https://…/join/TOKEN</c>) or the bare token.</summary>
public static class InviteLink
{
    public const string PathPrefix = "/join/";

    /// <returns>The token, or an empty string when there is none.</returns>
    public static string Token(string? pasted)
    {
        var text = (pasted ?? "").Trim();
        var at = text.LastIndexOf(PathPrefix, StringComparison.OrdinalIgnoreCase);
        var token = at >= 0 ? text[(at + PathPrefix.Length)..] : text;
        var end = token.IndexOfAny(['?', '#', '/']);
        return end >= 0 ? token[..end] : token;
    }
}
