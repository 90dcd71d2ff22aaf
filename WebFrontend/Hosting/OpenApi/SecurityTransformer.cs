using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// Declares the <see cref="SecuritySchemes"/> in the document's components and gives every operation the schemes its
/// entry in <see cref="RouteActions.Table"/> accepts: <c>security: []</c> for anonymous routes, one requirement per
/// accepted scheme otherwise (any one of them will do). There is no document-wide requirement: each operation says its
/// own (docs/api.md, "OpenAPI description").
/// </summary>
public sealed class SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var cookieName = context.ApplicationServices.GetService<PublicOrigin>() is { } origin ? SessionCookie.Name(origin) : SessionCookie.SecureName;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemes.ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = SecuritySchemes.ApiKeyHeader,
            Description = "An API key, `pk_<id>_<secret>`: scripts and agents.",
        };
        document.Components.SecuritySchemes[SecuritySchemes.SessionCookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookieName,
            Description = "The session cookie that `POST /api/v1/auth/login` sets: browsers. Writes must also carry `Origin`.",
        };
        document.Components.SecuritySchemes[SecuritySchemes.Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured external identity provider.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.HttpMethod is not { } method || RouteActions.For(method, "/" + context.Description.RelativePath) is not { } access)
            return Task.CompletedTask;
        operation.Security = SecuritySchemes.For(access.Kind)
            .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })
            .ToList();
        return Task.CompletedTask;
    }
}
