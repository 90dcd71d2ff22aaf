using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// The problem-details bodies of docs/api.md ("Errors") as component schemas: <see cref="Problem"/> (RFC 9457 plus the
/// <c>code</c> of <see cref="ProblemCodes"/>), <see cref="Validation"/> (with the <c>errors</c> map, field → messages)
/// and <see cref="Forbidden"/> (with the <c>missing_action</c> the caller lacks).
/// </summary>
public static class ProblemSchemas
{
    public const string Problem = "ProblemDetails";
    public const string Validation = "ValidationProblemDetails";
    public const string Forbidden = "ForbiddenProblemDetails";
    public const string MediaType = "application/problem+json";

    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; `code` is the machine-readable reason (docs/api.md, \"Errors\").",
            Required = new HashSet<string> { "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI naming the kind of problem."),
                ["title"] = Text("A short summary of the kind of problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code." },
                ["detail"] = Text("What went wrong with this request, in English.", nullable: true),
                ["instance"] = Text("The request's path.", nullable: true),
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The machine-readable reason; scripts branch on this, never on `detail`.",
                    Enum = [.. ProblemCodes.All.Select(code => (JsonNode)JsonValue.Create(code))],
                },
            },
        };
        document.Components.Schemas[Validation] = Extending(document, "The problem with the fields at fault.", "errors", new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Each field at fault (snake_case, as sent) with its messages.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        }, required: true);
        var forbidden = Extending(document, "Refused; `missing_action` names the IAM action the caller lacks, when that is the reason.",
            "missing_action", Text("The action (`resource:action`) no role of the caller allows; `code` is then `missing_action`."), required: false);
        var grants = (OpenApiSchema)forbidden.AllOf![1];
        grants.Properties!["missing_actions"] = Texts("A grant beyond the caller's own rights: every action the caller lacks.");
        grants.Properties["missing_role"] = Texts("When only a holder of these roles may do it, e.g. `[\"owner\"]`.");
        document.Components.Schemas[Forbidden] = forbidden;
    }

    public static IOpenApiSchema Reference(string name, OpenApiDocument? document) => new OpenApiSchemaReference(name, document);

    private static OpenApiSchema Extending(OpenApiDocument document, string description, string property, IOpenApiSchema schema, bool required) => new()
    {
        Description = description,
        AllOf =
        [
            Reference(Problem, document),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = required ? new HashSet<string> { property } : null,
                Properties = new Dictionary<string, IOpenApiSchema> { [property] = schema },
            },
        ],
    };

    private static OpenApiSchema Texts(string description) => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchema { Type = JsonSchemaType.String },
        Description = description,
    };

    private static OpenApiSchema Text(string description, bool nullable = false) => new()
    {
        Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
        Description = description,
    };
}
