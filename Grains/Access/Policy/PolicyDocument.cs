using System.Text;
using System.Text.Json;

namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// An IAM-style policy document, the editable form of a custom role:
/// <c>{"Statement":[{"Effect":"Allow","Action":["gather-jobs:list","releases:*"],"Resource":"*"}]}</c>.
/// </summary>
public sealed class PolicyDocument(IReadOnlyList<PolicyStatement> statements)
{
    public const int MaxStatements = 100;
    public const int MaxActionsPerStatement = 100;

    public IReadOnlyList<PolicyStatement> Statements { get; } = statements;

    /// <summary>Parses and validates a document; see <see cref="PolicyDocumentParser"/> for the rules.</summary>
    public static PolicyDocumentParse Parse(string json) => PolicyDocumentParser.Parse(json);

    /// <summary>One rule per action entry, for the given role and domain (pattern).</summary>
    public IReadOnlyList<PolicyRule> ToRules(string role, string domain) => Statements
        .SelectMany(s => s.Actions.Select(a => ToRule(role, domain, s.Effect, a)))
        .ToArray();

    /// <summary>
    /// Groups rules by effect into at most two statements, Allow first. Roles and domains are dropped: a document
    /// describes one role in one domain.
    /// </summary>
    public static PolicyDocument FromRules(IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var statements = rules
            .GroupBy(r => r.Effect)
            .OrderBy(g => g.Key == PolicyEffect.Allow ? 0 : 1)
            .Select(g => new PolicyStatement(g.Key, g.Select(r => ActionCatalogue.Join(r.Object, r.Action)).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
        return new PolicyDocument(statements);
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(PolicyDocumentParser.StatementProperty);
            foreach (var statement in Statements)
            {
                WriteStatement(writer, statement);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStatement(Utf8JsonWriter writer, PolicyStatement statement)
    {
        writer.WriteStartObject();
        writer.WriteString(PolicyDocumentParser.EffectProperty, statement.Effect.ToString());
        writer.WriteStartArray(PolicyDocumentParser.ActionProperty);
        foreach (var action in statement.Actions)
        {
            writer.WriteStringValue(action);
        }
        writer.WriteEndArray();
        writer.WriteString(PolicyDocumentParser.ResourceProperty, PolicyDocumentParser.AnyResource);
        writer.WriteEndObject();
    }

    private static PolicyRule ToRule(string role, string domain, PolicyEffect effect, string action)
    {
        var (@object, verb) = ActionCatalogue.Split(action);
        return new PolicyRule(role, domain, @object, verb, effect);
    }
}
