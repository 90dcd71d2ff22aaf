namespace Planekeeper.Grains.Jobs.Gather;

public static class GatherJobValidator
{
    public static Validated<GatherJobDefinition> Validate(GatherJobInput input)
    {
        var errors = new ValidationErrors();
        var name = JobFields.Name(input.Name, errors);
        var sourceType = SourceType(input.SourceType, errors);
        var artifactName = ArtifactName(sourceType, input.ArtifactName, errors);
        var schedule = JobFields.Schedule(input.Schedule, errors);
        var credentialName = JobFields.CredentialName(input.CredentialName, errors);
        var tagFilter = JobFields.Pattern("tag_filter", input.TagFilter, errors);
        var labels = JobFields.Labels(input.Labels, errors);
        return errors.ToResult(() => new GatherJobDefinition(name, sourceType!, artifactName!, schedule, credentialName, tagFilter, labels));
    }

    private static string? SourceType(string? sourceType, ValidationErrors errors)
    {
        var trimmed = sourceType?.Trim();
        if (trimmed is not null && GatherSourceTypes.All.Contains(trimmed))
        {
            return trimmed;
        }
        errors.Add("source_type", $"source_type must be one of: {string.Join(", ", GatherSourceTypes.All)}");
        return null;
    }

    private static string? ArtifactName(string? sourceType, string? artifactName, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(artifactName))
        {
            errors.Add("artifact_name", "artifact_name is required");
            return null;
        }
        // Without a known source type there is no form to check the name against; source_type already has the error.
        if (sourceType is null)
        {
            return null;
        }
        var normalized = ArtifactNames.Normalize(sourceType, artifactName, out var error);
        if (error is not null)
        {
            errors.Add("artifact_name", error);
        }
        return normalized;
    }
}
