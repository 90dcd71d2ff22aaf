namespace Planekeeper.WebFrontend.Identity;

/// <summary><c>AUTO_APPROVE_USERS</c>: new accounts may use the product without a global admin's approval.</summary>
public sealed record AccountSettings(bool AutoApprove)
{
    public static AccountSettings FromConfiguration(IConfiguration configuration) =>
        new(bool.TryParse(configuration["AUTO_APPROVE_USERS"], out var autoApprove) && autoApprove);
}
