namespace Planekeeper.Grains.Jobs.HelmSync;

public static class HelmSyncJobValidator
{
    public static Validated<HelmSyncJobDefinition> Validate(HelmSyncJobInput input)
    {
        var errors = new ValidationErrors();
        var name = JobFields.Name(input.Name, errors);
        var repositoryUrl = RepositoryUrl(input.RepositoryUrl, errors);
        var chartFilter = JobFields.Pattern("chart_filter", input.ChartFilter, errors);
        var schedule = JobFields.Schedule(input.Schedule, errors);
        var credentialName = JobFields.CredentialName(input.CredentialName, errors);
        var labels = JobFields.Labels(input.Labels, errors);
        return errors.ToResult(() => new HelmSyncJobDefinition(name, repositoryUrl!, chartFilter, schedule, credentialName, labels));
    }

    private static string? RepositoryUrl(string? url, ValidationErrors errors)
    {
        var trimmed = JobFields.Optional(url)?.TrimEnd('/');
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("repository_url", "repository_url is required");
            return null;
        }
        var valid = !trimmed.Any(char.IsWhiteSpace)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0;
        if (!valid)
        {
            errors.Add("repository_url", "repository_url must be an absolute https:// or http:// URL with a host, e.g. https://charts.bitnami.com/bitnami");
        }
        else if (new Uri(trimmed).UserInfo.Length > 0)
        {
            // Stored with the job in plain text otherwise.
            errors.Add("repository_url", "repository_url must not contain credentials; use credential_name");
        }
        return trimmed;
    }
}
