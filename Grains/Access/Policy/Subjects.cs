namespace Planekeeper.Grains.Access.Policy;

/// <summary>Spellings of the subjects and domains used in requests and assignments.</summary>
public static class Subjects
{
    public const string UserPrefix = "user:";
    public const string ApiKeyPrefix = "apikey:";
    public const string DomainPrefix = "org:";

    /// <summary>The deployment's own processes (bootstrap, invite acceptance): never a caller of the API.</summary>
    public const string SystemPrefix = "system:";

    public static string User(long id) => UserPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ApiKey(long id) => ApiKeyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string SystemActor(string what) => SystemPrefix + what;

    public static bool IsSystem(string subject) => subject.StartsWith(SystemPrefix, StringComparison.Ordinal);

    /// <summary>The user id of a <c>user:N</c> subject, or null for any other subject.</summary>
    public static long? UserIdOf(string subject) => IdOf(UserPrefix, subject);

    /// <summary>The key id of an <c>apikey:N</c> subject, or null for any other subject.</summary>
    public static long? ApiKeyIdOf(string subject) => IdOf(ApiKeyPrefix, subject);

    private static long? IdOf(string prefix, string subject) =>
        subject.StartsWith(prefix, StringComparison.Ordinal)
        && long.TryParse(subject.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static string Domain(long organizationId) =>
        DomainPrefix + organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
