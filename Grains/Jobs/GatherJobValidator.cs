namespace Planekeeper.Grains.Jobs;

public static class GatherJobValidator
{
    public static Validated<GatherJobDefinition> Validate(GatherJobInput input)
    {
        var errors = new FieldErrors();
        var name = JobFields.Name(input.Name, errors);
        var sourceType = input.SourceType?.Trim() ?? "";
        string? artifact = null;
        if (!ArtifactName.SourceTypes.Contains(sourceType))
        {
            errors.Add("source_type", $"source_type must be one of {string.Join(", ", ArtifactName.SourceTypes)}");
        }
        else if ((artifact = ArtifactName.Normalize(sourceType, input.ArtifactName, out var artifactError)) is null)
        {
            errors.Add("artifact_name", artifactError!);
        }

        var schedule = JobFields.Schedule(input.Schedule, errors);
        var credential = JobFields.CredentialName(input.CredentialName, errors);
        var tagFilter = JobFields.Regex(input.TagFilter, "tag_filter", errors);
        var labels = JobFields.Labels(input.Labels, errors);
        return errors.Result(() => new GatherJobDefinition(name, sourceType, artifact!, schedule, credential, tagFilter, labels));
    }
}
