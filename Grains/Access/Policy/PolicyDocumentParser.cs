using System.Text.Json;

namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// Validates a policy document: a JSON object with a non-empty "Statement" array (at most
/// <see cref="PolicyDocument.MaxStatements"/>); each statement has "Effect" ("Allow" or "Deny", case-sensitive as in
/// IAM), "Action" (a string or a non-empty array of at most <see cref="PolicyDocument.MaxActionsPerStatement"/>
/// strings, each a catalogue action or a pattern covering at least one), "Resource" ("*" or ["*"]) and an optional
/// "Sid" string, which is accepted but not kept. Unknown or repeated properties are errors.
/// </summary>
internal static class PolicyDocumentParser
{
    public const string StatementProperty = "Statement";
    public const string EffectProperty = "Effect";
    public const string ActionProperty = "Action";
    public const string ResourceProperty = "Resource";
    public const string SidProperty = "Sid";
    public const string AnyResource = "*";

    private const string ResourceReason = "permissions are scoped by organization, not by resource";

    private static readonly string[] DocumentProperties = [StatementProperty];
    private static readonly string[] StatementProperties = [SidProperty, EffectProperty, ActionProperty, ResourceProperty];

    public static PolicyDocumentParse Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return PolicyDocumentParse.Failure($"The policy document is not valid JSON: {e.Message}");
        }
        using (document)
        {
            return ParseRoot(document.RootElement);
        }
    }

    private static PolicyDocumentParse ParseRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return PolicyDocumentParse.Failure("The policy document must be a JSON object.");
        }
        var errors = new List<PolicyDocumentError>();
        CheckProperties(root, DocumentProperties, null, errors);
        var statements = ReadStatementArray(root, errors);
        if (errors.Count > 0 || statements is null)
        {
            return PolicyDocumentParse.Failure(errors);
        }
        var parsed = statements.Value.EnumerateArray().Select((s, i) => ParseStatement(s, i, errors)).ToArray();
        return errors.Count > 0 ? PolicyDocumentParse.Failure(errors) : PolicyDocumentParse.Success(new PolicyDocument(parsed.OfType<PolicyStatement>().ToArray()));
    }

    private static JsonElement? ReadStatementArray(JsonElement root, List<PolicyDocumentError> errors)
    {
        var reason = !root.TryGetProperty(StatementProperty, out var statements) ? "Statement is required."
            : statements.ValueKind != JsonValueKind.Array ? "Statement must be an array."
            : statements.GetArrayLength() == 0 ? "Statement must contain at least one statement."
            : statements.GetArrayLength() > PolicyDocument.MaxStatements
                ? $"Statement has {statements.GetArrayLength()} statements; at most {PolicyDocument.MaxStatements} are allowed."
            : null;
        if (reason is null)
        {
            return statements;
        }
        errors.Add(new PolicyDocumentError(null, reason));
        return null;
    }

    private static PolicyStatement? ParseStatement(JsonElement element, int index, List<PolicyDocumentError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PolicyDocumentError(index, "A statement must be a JSON object."));
            return null;
        }
        var reasons = new List<string>();
        CheckProperties(element, StatementProperties, reasons);
        CheckSid(element, reasons);
        var effect = ReadEffect(element, reasons);
        var actions = ReadActions(element, reasons);
        CheckResource(element, reasons);
        errors.AddRange(reasons.Select(r => new PolicyDocumentError(index, r)));
        return reasons.Count == 0 ? new PolicyStatement(effect!.Value, actions!) : null;
    }

    private static void CheckProperties(JsonElement element, string[] allowed, int? index, List<PolicyDocumentError> errors)
    {
        var reasons = new List<string>();
        CheckProperties(element, allowed, reasons);
        errors.AddRange(reasons.Select(r => new PolicyDocumentError(index, r)));
    }

    private static void CheckProperties(JsonElement element, string[] allowed, List<string> reasons)
    {
        var names = element.EnumerateObject().Select(p => p.Name).ToArray();
        var unknown = names.Where(n => !allowed.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            reasons.Add($"Unknown {Plural(unknown.Length, "property", "properties")} {Quoted(unknown)}; allowed: {Quoted(allowed)}.");
        }
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            reasons.Add($"{Plural(repeated.Length, "Property", "Properties")} {Quoted(repeated)} appear more than once.");
        }
    }

    private static void CheckSid(JsonElement statement, List<string> reasons)
    {
        if (statement.TryGetProperty(SidProperty, out var sid) && sid.ValueKind != JsonValueKind.String)
        {
            reasons.Add("Sid must be a string.");
        }
    }

    private static PolicyEffect? ReadEffect(JsonElement statement, List<string> reasons)
    {
        if (!statement.TryGetProperty(EffectProperty, out var effect))
        {
            reasons.Add("Effect is required (\"Allow\" or \"Deny\").");
            return null;
        }
        var given = effect.ValueKind == JsonValueKind.String ? effect.GetString() : null;
        switch (given)
        {
            case "Allow":
                return PolicyEffect.Allow;
            case "Deny":
                return PolicyEffect.Deny;
            default:
                reasons.Add($"Effect must be \"Allow\" or \"Deny\" (case-sensitive); got {effect.GetRawText()}.");
                return null;
        }
    }

    private static IReadOnlyList<string>? ReadActions(JsonElement statement, List<string> reasons)
    {
        if (!statement.TryGetProperty(ActionProperty, out var action))
        {
            reasons.Add("Action is required.");
            return null;
        }
        var entries = ActionEntries(action, reasons);
        if (entries is null)
        {
            return null;
        }
        var before = reasons.Count;
        reasons.AddRange(entries.Select(ActionProblem).OfType<string>());
        return reasons.Count == before ? entries : null;
    }

    private static string[]? ActionEntries(JsonElement action, List<string> reasons)
    {
        if (action.ValueKind == JsonValueKind.String)
        {
            return [action.GetString()!];
        }
        var reason = action.ValueKind != JsonValueKind.Array ? "Action must be a string or an array of strings."
            : action.GetArrayLength() == 0 ? "Action must contain at least one action."
            : action.GetArrayLength() > PolicyDocument.MaxActionsPerStatement
                ? $"Action has {action.GetArrayLength()} entries; at most {PolicyDocument.MaxActionsPerStatement} are allowed."
            : action.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String) ? "Every Action entry must be a string."
            : null;
        if (reason is null)
        {
            return action.EnumerateArray().Select(e => e.GetString()!).ToArray();
        }
        reasons.Add(reason);
        return null;
    }

    private static string? ActionProblem(string action)
    {
        if (!ActionCatalogue.TrySplit(action, out _))
        {
            return $"Action \"{action}\" is not of the form resource:action (or \"*\").";
        }
        if (WildcardPattern.HasWildcard(action))
        {
            return ActionCatalogue.Expand(action).Count == 0 ? $"Action pattern \"{action}\" matches no known action." : null;
        }
        return ActionCatalogue.IsKnown(action) ? null : $"Unknown action \"{action}\".";
    }

    private static void CheckResource(JsonElement statement, List<string> reasons)
    {
        if (!statement.TryGetProperty(ResourceProperty, out var resource))
        {
            reasons.Add($"Resource is required and must be \"*\": {ResourceReason}.");
            return;
        }
        if (!IsAnyResource(resource))
        {
            reasons.Add($"Resource must be \"*\": {ResourceReason}; got {resource.GetRawText()}.");
        }
    }

    private static bool IsAnyResource(JsonElement resource) => resource.ValueKind switch
    {
        JsonValueKind.String => resource.GetString() == AnyResource,
        JsonValueKind.Array => resource.GetArrayLength() > 0
            && resource.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && e.GetString() == AnyResource),
        _ => false,
    };

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
