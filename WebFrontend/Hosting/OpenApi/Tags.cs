using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>A description for every tag the endpoints use (<c>.WithTags</c>), set on the document's tag list (docs/api.md, "OpenAPI description").</summary>
public sealed class Tags : IOpenApiDocumentTransformer
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["Health"] = "Liveness and readiness probes for load balancers and orchestrators.",
        ["Acknowledge links"] = "The signed links in notifications that acknowledge an alert without signing in.",
        ["Authentication"] = "Accounts, sign-in with the session cookie, the caller's sessions and password.",
        ["Organizations"] = "The organizations the signed-in user belongs to.",
        ["Members"] = "An organization's members and invitations.",
        ["Roles"] = "Built-in and custom IAM roles, assignments, and why a caller may or may not act.",
        ["Audit"] = "Who changed what in the organization.",
        ["API keys"] = "Keys for scripts and agents, each with its roles.",
        ["Agent API"] = "What agents call: heartbeat, bootstrap, claiming and finishing tasks.",
        ["Agents"] = "The organization's agents as the server sees them.",
        ["Gather jobs"] = "Jobs that discover upstream releases (GitHub releases, Helm repositories, OCI registries).",
        ["Scrape jobs"] = "Jobs that read the deployed version of software.",
        ["Helm sync jobs"] = "Jobs that find the charts of a Helm repository and keep gather jobs for them.",
        ["Releases"] = "The upstream releases gather jobs found.",
        ["Monitoring rules"] = "How far behind is too far: days, majors or minors behind, with three thresholds.",
        ["Alert configs"] = "A deployed version watched against its upstream by a monitoring rule, and its drift.",
        ["Alerts"] = "Raised by alert configs; acknowledged, resolved and listed here.",
        ["Notification channels"] = "Where notifications go: webhook, Slack, Discord, Teams, PagerDuty, Telegram, SMTP.",
        ["Notification rules"] = "Which alert events go to which channels.",
        ["Notification deliveries"] = "Each notification sent or to be sent, its retries and dead letters.",
        ["Notification templates"] = "The organization's message templates per event category and channel type.",
        ["Settings"] = "The organization's settings.",
        ["Internal"] = "The global admins' routes: accounts, early access, server agent keys, maintenance.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
                tag.Description = description;
        }

        return Task.CompletedTask;
    }
}
