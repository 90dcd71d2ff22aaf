using Planekeeper.Grains.Identity;

namespace Planekeeper.Grains.EarlyAccess;

/// <summary>A waitlist request's fields, trimmed and checked; the email lower-cased, so one address is one request.</summary>
public sealed record WaitlistInput(string Email, string Name, string Company, string UseCase)
{
    public const int MaxNameLength = 200;
    public const int MaxCompanyLength = 200;
    public const int MaxUseCaseLength = 2000;

    /// <summary>The address as the waitlist keys it (trimmed, lower-cased), or null when it is not a valid address.</summary>
    public static string? NormalizeEmail(string? email) => EmailAddress.Normalize(email)?.ToLowerInvariant();

    /// <returns>The normalized input, or the messages of the invalid fields (email, name, company, use_case).</returns>
    public static (WaitlistInput? Input, Dictionary<string, string[]> Errors) Parse(string? email, string? name, string? company, string? useCase)
    {
        var errors = new Dictionary<string, string[]>();
        var normalized = NormalizeEmail(email);
        if (normalized is null)
        {
            errors["email"] = ["email must be a valid address"];
        }

        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length == 0)
        {
            errors["name"] = ["name is required"];
        }
        else if (trimmedName.Length > MaxNameLength)
        {
            errors["name"] = [$"name must have at most {MaxNameLength} characters"];
        }

        var trimmedCompany = company?.Trim() ?? "";
        if (trimmedCompany.Length > MaxCompanyLength)
        {
            errors["company"] = [$"company must have at most {MaxCompanyLength} characters"];
        }

        var trimmedUseCase = useCase?.Trim() ?? "";
        if (trimmedUseCase.Length > MaxUseCaseLength)
        {
            errors["use_case"] = [$"use case must have at most {MaxUseCaseLength} characters"];
        }

        return errors.Count > 0 ? (null, errors) : (new WaitlistInput(normalized!, trimmedName, trimmedCompany, trimmedUseCase), errors);
    }
}
