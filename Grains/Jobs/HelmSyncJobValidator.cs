namespace Planekeeper.Grains.Jobs;

public static class HelmSyncJobValidator
{
    public static Validated<HelmSyncJobDefinition> Validate(HelmSyncJobInput input)
    {
        var errors = new FieldErrors();
        var name = JobFields.Name(input.Name, errors);
        var url = JobFields.Optional(input.RepositoryUrl)?.TrimEnd('/');
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add("repository_url", "repository_url must be the http(s) address of a Helm repository (the folder holding index.yaml)");
        }

        var chartFilter = JobFields.Regex(input.ChartFilter, "chart_filter", errors);
        var schedule = JobFields.Schedule(input.Schedule, errors);
        var credential = JobFields.CredentialName(input.CredentialName, errors);
        var labels = JobFields.Labels(input.Labels, errors);
        return errors.Result(() => new HelmSyncJobDefinition(name, url!, chartFilter, schedule, credential, labels));
    }
}
