using System.Text.Json;
using System.Text.Json.Nodes;

namespace Planekeeper.WebFrontend.Pages.Roles;

/// <summary>
/// The policy editor's <em>Add a statement</em>: appends <c>{"Effect", "Action": [action], "Resource": "*"}</c> to the
/// policy being written, without saving it — the grain checks the whole document on save (docs/ui.md, Roles).
/// </summary>
public static class PolicyStatements
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <returns>The policy with the statement added, or why it could not be added.</returns>
    public static (string? Policy, string? Problem) Append(string? policy, string? effect, string? action)
    {
        if (effect is not ("Allow" or "Deny"))
        {
            return (null, "pick Allow or Deny");
        }

        if (string.IsNullOrWhiteSpace(action))
        {
            return (null, "name an action, such as gather-jobs:run, gather-jobs:* or *");
        }

        JsonObject document;
        try
        {
            document = string.IsNullOrWhiteSpace(policy) ? [] : JsonNode.Parse(policy) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return (null, "the policy above is not a JSON object; correct it before adding a statement");
        }

        if (document["Statement"] is not JsonArray statements)
        {
            if (document.ContainsKey("Statement"))
            {
                return (null, "the policy's Statement is not a list; correct it before adding a statement");
            }

            statements = [];
            document["Statement"] = statements;
        }

        statements.Add(new JsonObject { ["Effect"] = effect, ["Action"] = new JsonArray(action.Trim()), ["Resource"] = "*" });
        return (document.ToJsonString(Indented), null);
    }
}
