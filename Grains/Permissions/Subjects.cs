namespace Planekeeper.Grains.Permissions;

/// <summary>Spellings of the subjects and domains used in requests and assignments.</summary>
public static class Subjects
{
    public const string UserPrefix = "user:";
    public const string ApiKeyPrefix = "apikey:";
    public const string DomainPrefix = "org:";

    public static string User(long id) => UserPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ApiKey(long id) => ApiKeyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Domain(long organizationId) =>
        DomainPrefix + organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
