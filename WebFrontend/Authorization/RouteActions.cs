using System.Text.RegularExpressions;
using Planekeeper.WebFrontend.Hosting;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// The one table that says what every route requires: <see cref="Table"/> for endpoints, <see cref="Pages"/> for
/// every handler of every Razor page (docs/ui.md). The frontend refuses to start when a route or a page handler is
/// mapped without an entry here (<see cref="RouteActionsCheck"/>).
/// </summary>
public static partial class RouteActions
{
    private const string V1 = "/api/v1";

    public static readonly IReadOnlyDictionary<(string Method, string Pattern), RouteAccess> Table = new Dictionary<(string, string), RouteAccess>(
        JobRoutes("gather-jobs").Concat(JobRoutes("scrape-jobs")).Concat(JobRoutes("helm-sync-jobs")))
    {
        [("GET", "/health")] = RouteAccess.Public,
        [("GET", "/ready")] = RouteAccess.Public,
        // The internal port only (docs/configuration.md, "Frontend roles"): for the operators' Prometheus, like the silo's health port.
        [("GET", "/metrics")] = RouteAccess.Public,
        [("GET", "/openapi/{documentName}.json")] = RouteAccess.Public,
        // The API reference page and its assets (docs/api.md, "Reference page").
        [("GET", "/api/docs/{documentName?}")] = RouteAccess.Public,
        [("GET", "/api/docs/scalar.js")] = RouteAccess.Public,
        [("GET", "/api/docs/scalar.aspnetcore.js")] = RouteAccess.Public,
        [("GET", "/api/docs/favicon.svg")] = RouteAccess.Public,

        [("POST", $"{V1}/auth/signup")] = RouteAccess.Public,
        [("POST", $"{V1}/auth/login")] = RouteAccess.Public,
        [("POST", $"{V1}/auth/logout")] = RouteAccess.Public,
        [("GET", $"{V1}/auth/antiforgery")] = RouteAccess.Public,
        [("GET", $"{V1}/me")] = RouteAccess.Authenticated,
        [("GET", $"{V1}/me/sessions")] = RouteAccess.Authenticated,
        [("DELETE", $"{V1}/me/sessions/{{id}}")] = RouteAccess.Authenticated,
        [("DELETE", $"{V1}/me/sessions")] = RouteAccess.Authenticated,
        [("POST", $"{V1}/me/password")] = RouteAccess.Authenticated,

        [("GET", $"{V1}/organizations")] = RouteAccess.ApprovedUser,
        [("POST", $"{V1}/organizations")] = RouteAccess.ApprovedUser,
        [("POST", $"{V1}/invites/{{token}}/accept")] = RouteAccess.ApprovedUser,

        [("GET", $"{V1}/members")] = RouteAccess.Requires("members:list"),
        [("GET", $"{V1}/members/{{userId}}")] = RouteAccess.Requires("members:list"),
        [("PUT", $"{V1}/members/{{userId}}")] = RouteAccess.Requires("members:update"),
        [("DELETE", $"{V1}/members/{{userId}}")] = RouteAccess.Requires("members:remove"),

        [("GET", $"{V1}/invites")] = RouteAccess.Requires("invites:list"),
        [("POST", $"{V1}/invites")] = RouteAccess.Requires("invites:create"),
        [("DELETE", $"{V1}/invites/{{id}}")] = RouteAccess.Requires("invites:revoke"),

        [("GET", $"{V1}/roles")] = RouteAccess.Requires("roles:list"),
        [("POST", $"{V1}/roles")] = RouteAccess.Requires("roles:create"),
        [("GET", $"{V1}/roles/{{key}}")] = RouteAccess.Requires("roles:read"),
        [("PUT", $"{V1}/roles/{{key}}")] = RouteAccess.Requires("roles:update"),
        [("DELETE", $"{V1}/roles/{{key}}")] = RouteAccess.Requires("roles:delete"),
        [("POST", $"{V1}/roles/{{key}}/assign")] = RouteAccess.Requires("roles:assign"),
        [("DELETE", $"{V1}/roles/{{key}}/assign/{{userId}}")] = RouteAccess.Requires("roles:assign"),

        [("GET", $"{V1}/api-keys")] = RouteAccess.Requires("api-keys:list"),
        [("POST", $"{V1}/api-keys")] = RouteAccess.Requires("api-keys:create"),
        [("GET", $"{V1}/api-keys/{{id}}")] = RouteAccess.Requires("api-keys:read"),
        [("PATCH", $"{V1}/api-keys/{{id}}")] = RouteAccess.Requires("api-keys:update"),
        [("POST", $"{V1}/api-keys/{{id}}/toggle")] = RouteAccess.Requires("api-keys:update"),
        [("POST", $"{V1}/api-keys/{{id}}/deactivate")] = RouteAccess.Requires("api-keys:deactivate"),

        [("GET", $"{V1}/permissions/explain")] = RouteAccess.Requires("permissions:explain"),
        [("GET", $"{V1}/audit-log")] = RouteAccess.Requires("audit-log:list"),

        [("GET", $"{V1}/gather-jobs/{{id}}/releases")] = RouteAccess.Requires("releases:list"),
        [("DELETE", $"{V1}/gather-jobs/{{id}}/releases")] = RouteAccess.Requires("releases:delete"),
        [("GET", $"{V1}/helm-sync-jobs/{{id}}/charts")] = RouteAccess.Requires("helm-sync-jobs:read"),
        [("POST", $"{V1}/scrape-jobs/{{id}}/set-version")] = RouteAccess.Requires("scrape-jobs:set-version"),
        [("GET", $"{V1}/scrape-jobs/{{id}}/versions")] = RouteAccess.Requires("scrape-jobs:read"),

        [("GET", $"{V1}/releases")] = RouteAccess.Requires("releases:list"),
        [("GET", $"{V1}/releases/summary")] = RouteAccess.Requires("releases:list"),
        [("GET", $"{V1}/releases/{{id}}")] = RouteAccess.Requires("releases:read"),

        [("GET", $"{V1}/monitoring-rules")] = RouteAccess.Requires("monitoring-rules:list"),
        [("POST", $"{V1}/monitoring-rules")] = RouteAccess.Requires("monitoring-rules:create"),
        [("GET", $"{V1}/monitoring-rules/{{id}}")] = RouteAccess.Requires("monitoring-rules:read"),
        [("PUT", $"{V1}/monitoring-rules/{{id}}")] = RouteAccess.Requires("monitoring-rules:update"),
        [("DELETE", $"{V1}/monitoring-rules/{{id}}")] = RouteAccess.Requires("monitoring-rules:delete"),
        [("POST", $"{V1}/monitoring-rules/{{id}}/toggle")] = RouteAccess.Requires("monitoring-rules:toggle"),
        [("POST", $"{V1}/monitoring-rules/{{id}}/evaluate")] = RouteAccess.Requires("monitoring-rules:evaluate"),

        [("GET", $"{V1}/alert-configs")] = RouteAccess.Requires("alert-configs:list"),
        [("POST", $"{V1}/alert-configs")] = RouteAccess.Requires("alert-configs:create"),
        [("GET", $"{V1}/alert-configs/drift")] = RouteAccess.Requires("alert-configs:list"),
        [("GET", $"{V1}/alert-configs/drift/worst")] = RouteAccess.Requires("alert-configs:list"),
        [("GET", $"{V1}/alert-configs/{{id}}")] = RouteAccess.Requires("alert-configs:read"),
        [("PUT", $"{V1}/alert-configs/{{id}}")] = RouteAccess.Requires("alert-configs:update"),
        [("DELETE", $"{V1}/alert-configs/{{id}}")] = RouteAccess.Requires("alert-configs:delete"),
        [("POST", $"{V1}/alert-configs/{{id}}/toggle")] = RouteAccess.Requires("alert-configs:toggle"),

        [("GET", $"{V1}/alerts")] = RouteAccess.Requires("alerts:list"),
        [("GET", $"{V1}/alerts/summary")] = RouteAccess.Requires("alerts:list"),
        [("GET", $"{V1}/alerts/history")] = RouteAccess.Requires("alerts:list"),
        [("GET", $"{V1}/alerts/{{id}}")] = RouteAccess.Requires("alerts:read"),
        [("GET", $"{V1}/alerts/{{id}}/actions")] = RouteAccess.Requires("alerts:read"),
        [("POST", $"{V1}/alerts/{{id}}/acknowledge")] = RouteAccess.Requires("alerts:acknowledge"),
        [("POST", $"{V1}/alerts/{{id}}/unacknowledge")] = RouteAccess.Requires("alerts:unacknowledge"),
        [("POST", $"{V1}/alerts/{{id}}/resolve")] = RouteAccess.Requires("alerts:resolve"),
        [("POST", $"{V1}/alerts/bulk-acknowledge")] = RouteAccess.Requires("alerts:acknowledge"),

        [("GET", $"{V1}/notification-channels")] = RouteAccess.Requires("notification-channels:list"),
        [("POST", $"{V1}/notification-channels")] = RouteAccess.Requires("notification-channels:create"),
        [("POST", $"{V1}/notification-channels/validate")] = RouteAccess.Requires("notification-channels:create"),
        [("GET", $"{V1}/notification-channels/{{id}}")] = RouteAccess.Requires("notification-channels:read"),
        [("PUT", $"{V1}/notification-channels/{{id}}")] = RouteAccess.Requires("notification-channels:update"),
        [("DELETE", $"{V1}/notification-channels/{{id}}")] = RouteAccess.Requires("notification-channels:delete"),
        [("POST", $"{V1}/notification-channels/{{id}}/toggle")] = RouteAccess.Requires("notification-channels:toggle"),
        [("POST", $"{V1}/notification-channels/{{id}}/test")] = RouteAccess.Requires("notification-channels:test"),
        [("GET", $"{V1}/notification-channels/{{id}}/stats")] = RouteAccess.Requires("notification-channels:read"),

        [("GET", $"{V1}/notification-rules")] = RouteAccess.Requires("notification-rules:list"),
        [("POST", $"{V1}/notification-rules")] = RouteAccess.Requires("notification-rules:create"),
        [("POST", $"{V1}/notification-rules/simulate")] = RouteAccess.Requires("notification-rules:simulate"),
        [("GET", $"{V1}/notification-rules/{{id}}")] = RouteAccess.Requires("notification-rules:read"),
        [("GET", $"{V1}/notification-rules/{{id}}/stats")] = RouteAccess.Requires("notification-rules:read"),
        [("PUT", $"{V1}/notification-rules/{{id}}")] = RouteAccess.Requires("notification-rules:update"),
        [("DELETE", $"{V1}/notification-rules/{{id}}")] = RouteAccess.Requires("notification-rules:delete"),
        [("POST", $"{V1}/notification-rules/{{id}}/toggle")] = RouteAccess.Requires("notification-rules:toggle"),

        [("GET", $"{V1}/notification-deliveries")] = RouteAccess.Requires("notification-deliveries:list"),
        [("GET", $"{V1}/notification-deliveries/dead")] = RouteAccess.Requires("notification-deliveries:list"),
        [("POST", $"{V1}/notification-deliveries/{{id}}/retry")] = RouteAccess.Requires("notification-deliveries:retry"),
        [("GET", $"{V1}/alerts/{{id}}/deliveries")] = RouteAccess.Requires("notification-deliveries:list"),

        [("GET", $"{V1}/notification-templates")] = RouteAccess.Requires("notification-templates:list"),
        [("PUT", $"{V1}/notification-templates/{{category}}")] = RouteAccess.Requires("notification-templates:update"),
        [("DELETE", $"{V1}/notification-templates/{{category}}")] = RouteAccess.Requires("notification-templates:delete"),
        [("POST", $"{V1}/notification-templates/preview")] = RouteAccess.Requires("notification-templates:preview"),
        [("GET", $"{V1}/settings")] = RouteAccess.Requires("settings:read"),
        [("PUT", $"{V1}/settings/{{key}}")] = RouteAccess.Requires("settings:update"),
        [("GET", "/ack/{token}")] = RouteAccess.Public,
        [("POST", "/ack/{token}")] = RouteAccess.Public,

        [("POST", $"{V1}/agent/heartbeat")] = RouteAccess.AgentKey,
        [("POST", $"{V1}/agent/tasks/claim")] = RouteAccess.AgentKey,
        [("POST", $"{V1}/agent/bootstrap")] = RouteAccess.Public,
        [("POST", $"{V1}/agent/release-key")] = RouteAccess.AgentKey,
        [("POST", $"{V1}/agent/tasks/{{taskId}}/renew")] = RouteAccess.AgentKey,
        [("POST", $"{V1}/agent/tasks/{{taskId}}/complete")] = RouteAccess.AgentKey,
        [("POST", $"{V1}/agent/tasks/{{taskId}}/fail")] = RouteAccess.AgentKey,
        [("POST", $"{V1}/agent/tasks/report")] = RouteAccess.AgentKey,
        [("GET", $"{V1}/agents")] = RouteAccess.Requires("agents:list"),
        [("GET", $"{V1}/agents/summary")] = RouteAccess.Requires("agents:list"),

        [("GET", $"{V1}/internal/users")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/users/{{userId}}/approve")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/users/{{userId}}/global-admin")] = RouteAccess.GlobalAdmin,
        [("DELETE", $"{V1}/internal/users/{{userId}}/global-admin")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/users/{{userId}}/lock")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/users/{{userId}}/unlock")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/organizations")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/organizations/{{organizationId}}/suspend")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/organizations/{{organizationId}}/unsuspend")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/agents")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/jobs/reset-stuck")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/jobs/stuck")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/alerts/purge")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/alerts/reconcile")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/settings")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/notifications/cleanup")] = RouteAccess.GlobalAdmin,
        [("PUT", $"{V1}/internal/settings/{{key}}")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/server-agent-keys")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/server-agent-keys")] = RouteAccess.GlobalAdmin,
        [("DELETE", $"{V1}/internal/server-agent-keys/{{id}}")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/upstreams")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/early-access")] = RouteAccess.GlobalAdmin,
        [("GET", $"{V1}/internal/early-access.csv")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/early-access/{{id}}/invite")] = RouteAccess.GlobalAdmin,
        [("POST", $"{V1}/internal/early-access/{{id}}/decline")] = RouteAccess.GlobalAdmin,
    };

    /// <summary>
    /// Every page handler: its method, the page's route and the handler's name (<c>OnPostSwitch</c> → <c>switch</c>,
    /// sent as <c>?handler=switch</c>; null for plain <c>OnGet</c>/<c>OnPost</c>). A page's <c>Organization</c> action is
    /// checked like an API route's; pages answer with a redirect to <c>/login</c>, <c>/pending-approval</c> or
    /// <c>/onboarding</c>, or the 403 page, where the API answers problem details.
    /// </summary>
    public static readonly IReadOnlyDictionary<PageHandler, RouteAccess> Pages = new Dictionary<PageHandler, RouteAccess>
    {
        [new("GET", "/error/{code}")] = RouteAccess.Public,
        [new("GET", "/login")] = RouteAccess.Public,
        [new("POST", "/login")] = RouteAccess.Public,
        [new("GET", "/signup")] = RouteAccess.Public,
        [new("POST", "/signup")] = RouteAccess.Public,
        [new("GET", "/logout")] = RouteAccess.Public,
        [new("POST", "/logout")] = RouteAccess.Public,
        [new("GET", "/pending-approval")] = RouteAccess.Authenticated,
        [new("GET", "/earlyaccess")] = RouteAccess.Public,
        [new("POST", "/earlyaccess")] = RouteAccess.Public,

        // The Internal UI (docs/ui.md, "Internal UI"): the internal port only, global admins only.
        [new("GET", "/internal")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/organizations")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/organizations", "suspend")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/organizations", "unsuspend")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/users")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/users", "approve")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/users", "globalAdmin")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/users", "lock")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/agents")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/stuck-jobs")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/stuck-jobs", "reset")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/settings")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/settings", "set")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/settings", "clear")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/banner")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/banner", "set")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/banner", "clear")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/early-access")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/early-access", "invite")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/early-access", "decline")] = RouteAccess.GlobalAdmin,
        [new("GET", "/internal/server-agent-keys")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/server-agent-keys", "create")] = RouteAccess.GlobalAdmin,
        [new("POST", "/internal/server-agent-keys", "revoke")] = RouteAccess.GlobalAdmin,

        [new("GET", "/account")] = RouteAccess.Authenticated,
        [new("POST", "/account", "password")] = RouteAccess.Authenticated,
        [new("POST", "/account", "revoke")] = RouteAccess.Authenticated,
        [new("POST", "/account", "revokeOthers")] = RouteAccess.Authenticated,

        [new("GET", "/onboarding")] = RouteAccess.ApprovedUser,
        [new("POST", "/onboarding", "create")] = RouteAccess.ApprovedUser,
        [new("POST", "/onboarding", "invite")] = RouteAccess.ApprovedUser,
        [new("GET", "/join/{token}")] = RouteAccess.ApprovedUser,
        [new("POST", "/join/{token}")] = RouteAccess.ApprovedUser,
        [new("POST", "/switch-organization")] = RouteAccess.ApprovedUser,

        [new("GET", "/")] = RouteAccess.Requires("organizations:read"),
        [new("GET", "/", "overview")] = RouteAccess.Requires("organizations:read"),

        [new("GET", "/members")] = RouteAccess.Requires("members:list"),
        [new("POST", "/members", "role")] = RouteAccess.Requires("members:update"),
        [new("POST", "/members", "remove")] = RouteAccess.Requires("members:remove"),
        [new("POST", "/members", "invite")] = RouteAccess.Requires("invites:create"),
        [new("POST", "/members", "revoke")] = RouteAccess.Requires("invites:revoke"),

        [new("GET", "/agents")] = RouteAccess.Requires("agents:list"),
        [new("GET", "/audit-log")] = RouteAccess.Requires("audit-log:list"),
        [new("GET", "/roles")] = RouteAccess.Requires("roles:list"),
        [new("GET", "/roles/new")] = RouteAccess.Requires("roles:create"),
        [new("POST", "/roles/new")] = RouteAccess.Requires("roles:create"),
        [new("POST", "/roles/new", "statement")] = RouteAccess.Requires("roles:create"),
        [new("GET", "/roles/{key}/edit")] = RouteAccess.Requires("roles:read"),
        [new("POST", "/roles/{key}/edit")] = RouteAccess.Requires("roles:update"),
        [new("POST", "/roles/{key}/edit", "assign")] = RouteAccess.Requires("roles:assign"),
        [new("POST", "/roles/{key}/edit", "unassign")] = RouteAccess.Requires("roles:assign"),
        [new("POST", "/roles/{key}/edit", "delete")] = RouteAccess.Requires("roles:delete"),
        [new("POST", "/roles/{key}/edit", "statement")] = RouteAccess.Requires("roles:update"),
        [new("GET", "/permissions/explain")] = RouteAccess.Requires("permissions:explain"),
        [new("GET", "/notification-channels")] = RouteAccess.Requires("notification-channels:list"),
        [new("POST", "/notification-channels", "test")] = RouteAccess.Requires("notification-channels:test"),
        [new("POST", "/notification-channels", "toggle")] = RouteAccess.Requires("notification-channels:toggle"),
        [new("POST", "/notification-channels", "default")] = RouteAccess.Requires("settings:update"),
        [new("GET", "/notification-channels/new")] = RouteAccess.Requires("notification-channels:create"),
        [new("POST", "/notification-channels/new")] = RouteAccess.Requires("notification-channels:create"),
        [new("POST", "/notification-channels/new", "generate")] = RouteAccess.Requires("notification-channels:create"),
        [new("GET", "/notification-channels/{id}/edit")] = RouteAccess.Requires("notification-channels:read"),
        [new("POST", "/notification-channels/{id}/edit")] = RouteAccess.Requires("notification-channels:update"),
        [new("POST", "/notification-channels/{id}/edit", "generate")] = RouteAccess.Requires("notification-channels:update"),
        [new("POST", "/notification-channels/{id}/edit", "delete")] = RouteAccess.Requires("notification-channels:delete"),

        [new("GET", "/notification-rules")] = RouteAccess.Requires("notification-rules:list"),
        [new("POST", "/notification-rules", "toggle")] = RouteAccess.Requires("notification-rules:toggle"),
        [new("POST", "/notification-rules", "simulate")] = RouteAccess.Requires("notification-rules:simulate"),
        [new("GET", "/notification-rules/new")] = RouteAccess.Requires("notification-rules:create"),
        [new("POST", "/notification-rules/new")] = RouteAccess.Requires("notification-rules:create"),
        [new("GET", "/notification-rules/{id}/edit")] = RouteAccess.Requires("notification-rules:read"),
        [new("POST", "/notification-rules/{id}/edit")] = RouteAccess.Requires("notification-rules:update"),
        [new("GET", "/notification-rules/{id}/delete")] = RouteAccess.Requires("notification-rules:read"),
        [new("POST", "/notification-rules/{id}/delete")] = RouteAccess.Requires("notification-rules:delete"),
        [new("GET", "/notification-templates")] = RouteAccess.Requires("notification-templates:list"),
        [new("GET", "/notification-templates/{channelType}/{category}")] = RouteAccess.Requires("notification-templates:read"),
        [new("POST", "/notification-templates/{channelType}/{category}", "preview")] = RouteAccess.Requires("notification-templates:preview"),
        [new("POST", "/notification-templates/{channelType}/{category}", "save")] = RouteAccess.Requires("notification-templates:update"),
        [new("POST", "/notification-templates/{channelType}/{category}", "revert")] = RouteAccess.Requires("notification-templates:delete"),

        [new("GET", "/deliveries")] = RouteAccess.Requires("notification-deliveries:list"),
        [new("POST", "/deliveries", "retry")] = RouteAccess.Requires("notification-deliveries:retry"),
        [new("GET", "/settings")] = RouteAccess.Requires("settings:read"),
        [new("POST", "/settings", "default")] = RouteAccess.Requires("settings:update"),
        [new("POST", "/settings", "clear")] = RouteAccess.Requires("settings:update"),

        [new("GET", "/api-keys")] = RouteAccess.Requires("api-keys:list"),
        [new("POST", "/api-keys")] = RouteAccess.Requires("api-keys:create"),
        [new("POST", "/api-keys", "toggle")] = RouteAccess.Requires("api-keys:update"),
        [new("POST", "/api-keys", "deactivate")] = RouteAccess.Requires("api-keys:deactivate"),

        [new("GET", "/gather-jobs")] = RouteAccess.Requires("gather-jobs:list"),
        [new("GET", "/gather-jobs/new")] = RouteAccess.Requires("gather-jobs:create"),
        [new("POST", "/gather-jobs/new")] = RouteAccess.Requires("gather-jobs:create"),
        [new("GET", "/gather-jobs/{id}")] = RouteAccess.Requires("gather-jobs:read"),
        [new("POST", "/gather-jobs/{id}", "run")] = RouteAccess.Requires("gather-jobs:run"),
        [new("POST", "/gather-jobs/{id}", "clear")] = RouteAccess.Requires("releases:delete"),
        [new("GET", "/gather-jobs/{id}/edit")] = RouteAccess.Requires("gather-jobs:read"),
        [new("POST", "/gather-jobs/{id}/edit")] = RouteAccess.Requires("gather-jobs:update"),
        [new("GET", "/gather-jobs/{id}/delete")] = RouteAccess.Requires("gather-jobs:read"),
        [new("POST", "/gather-jobs/{id}/delete")] = RouteAccess.Requires("gather-jobs:delete"),

        [new("GET", "/releases")] = RouteAccess.Requires("releases:list"),

        [new("GET", "/helm-sync-jobs")] = RouteAccess.Requires("helm-sync-jobs:list"),
        [new("GET", "/helm-sync-jobs/new")] = RouteAccess.Requires("helm-sync-jobs:create"),
        [new("POST", "/helm-sync-jobs/new")] = RouteAccess.Requires("helm-sync-jobs:create"),
        [new("GET", "/helm-sync-jobs/{id}")] = RouteAccess.Requires("helm-sync-jobs:read"),
        [new("POST", "/helm-sync-jobs/{id}", "run")] = RouteAccess.Requires("helm-sync-jobs:run"),
        [new("GET", "/helm-sync-jobs/{id}/edit")] = RouteAccess.Requires("helm-sync-jobs:read"),
        [new("POST", "/helm-sync-jobs/{id}/edit")] = RouteAccess.Requires("helm-sync-jobs:update"),
        [new("GET", "/helm-sync-jobs/{id}/delete")] = RouteAccess.Requires("helm-sync-jobs:read"),
        [new("POST", "/helm-sync-jobs/{id}/delete")] = RouteAccess.Requires("helm-sync-jobs:delete"),

        [new("GET", "/scrape-jobs")] = RouteAccess.Requires("scrape-jobs:list"),
        [new("GET", "/scrape-jobs/new")] = RouteAccess.Requires("scrape-jobs:create"),
        [new("POST", "/scrape-jobs/new")] = RouteAccess.Requires("scrape-jobs:create"),
        [new("GET", "/scrape-jobs/{id}")] = RouteAccess.Requires("scrape-jobs:read"),
        [new("POST", "/scrape-jobs/{id}", "run")] = RouteAccess.Requires("scrape-jobs:run"),
        [new("POST", "/scrape-jobs/{id}", "setVersion")] = RouteAccess.Requires("scrape-jobs:set-version"),
        [new("GET", "/scrape-jobs/{id}/edit")] = RouteAccess.Requires("scrape-jobs:read"),
        [new("POST", "/scrape-jobs/{id}/edit")] = RouteAccess.Requires("scrape-jobs:update"),
        [new("GET", "/scrape-jobs/{id}/delete")] = RouteAccess.Requires("scrape-jobs:read"),
        [new("POST", "/scrape-jobs/{id}/delete")] = RouteAccess.Requires("scrape-jobs:delete"),

        [new("GET", "/monitoring-rules")] = RouteAccess.Requires("monitoring-rules:list"),
        [new("POST", "/monitoring-rules", "toggle")] = RouteAccess.Requires("monitoring-rules:toggle"),
        [new("POST", "/monitoring-rules", "evaluate")] = RouteAccess.Requires("monitoring-rules:evaluate"),
        [new("GET", "/monitoring-rules/new")] = RouteAccess.Requires("monitoring-rules:create"),
        [new("POST", "/monitoring-rules/new")] = RouteAccess.Requires("monitoring-rules:create"),
        [new("GET", "/monitoring-rules/{id}/edit")] = RouteAccess.Requires("monitoring-rules:read"),
        [new("POST", "/monitoring-rules/{id}/edit")] = RouteAccess.Requires("monitoring-rules:update"),
        [new("GET", "/monitoring-rules/{id}/delete")] = RouteAccess.Requires("monitoring-rules:read"),
        [new("POST", "/monitoring-rules/{id}/delete")] = RouteAccess.Requires("monitoring-rules:delete"),

        [new("GET", "/alert-configs")] = RouteAccess.Requires("alert-configs:list"),
        [new("POST", "/alert-configs", "toggle")] = RouteAccess.Requires("alert-configs:toggle"),
        [new("GET", "/alert-configs/new")] = RouteAccess.Requires("alert-configs:create"),
        [new("POST", "/alert-configs/new")] = RouteAccess.Requires("alert-configs:create"),
        [new("GET", "/alert-configs/{id}/edit")] = RouteAccess.Requires("alert-configs:read"),
        [new("POST", "/alert-configs/{id}/edit")] = RouteAccess.Requires("alert-configs:update"),
        [new("GET", "/alert-configs/{id}/delete")] = RouteAccess.Requires("alert-configs:read"),
        [new("POST", "/alert-configs/{id}/delete")] = RouteAccess.Requires("alert-configs:delete"),

        [new("GET", "/alerts")] = RouteAccess.Requires("alerts:list"),
        [new("POST", "/alerts", "acknowledge")] = RouteAccess.Requires("alerts:acknowledge"),
        [new("GET", "/alerts/{id}")] = RouteAccess.Requires("alerts:read"),
        [new("POST", "/alerts/{id}", "acknowledge")] = RouteAccess.Requires("alerts:acknowledge"),
        [new("POST", "/alerts/{id}", "unacknowledge")] = RouteAccess.Requires("alerts:unacknowledge"),
        [new("POST", "/alerts/{id}", "resolve")] = RouteAccess.Requires("alerts:resolve"),
    };

    /// <summary>The routes every kind of job has (Api/JobEndpoints.cs), guarded by that kind's actions.</summary>
    private static IEnumerable<KeyValuePair<(string, string), RouteAccess>> JobRoutes(string resource) =>
    [
        new(("GET", $"{V1}/{resource}"), RouteAccess.Requires($"{resource}:list")),
        new(("POST", $"{V1}/{resource}"), RouteAccess.Requires($"{resource}:create")),
        new(("GET", $"{V1}/{resource}/summary"), RouteAccess.Requires($"{resource}:list")),
        new(("GET", $"{V1}/{resource}/{{id}}"), RouteAccess.Requires($"{resource}:read")),
        new(("PUT", $"{V1}/{resource}/{{id}}"), RouteAccess.Requires($"{resource}:update")),
        new(("DELETE", $"{V1}/{resource}/{{id}}"), RouteAccess.Requires($"{resource}:delete")),
        new(("POST", $"{V1}/{resource}/{{id}}/run"), RouteAccess.Requires($"{resource}:run")),
    ];

    public static RouteAccess? For(string method, string pattern) =>
        Table.TryGetValue((method, Normalize(pattern)), out var access) ? access
        : IsClusterDashboard(Normalize(pattern)) ? RouteAccess.GlobalAdmin
        : null;

    /// <summary>The Orleans Dashboard maps its own routes under one prefix; all of them are for global admins.</summary>
    private static bool IsClusterDashboard(string pattern) =>
        pattern == ClusterDashboardExtensions.Prefix || pattern.StartsWith(ClusterDashboardExtensions.Prefix + "/", StringComparison.Ordinal);

    public static RouteAccess? ForPage(string method, string pattern, string? handler) =>
        Pages.TryGetValue(new PageHandler(method, Normalize(pattern), handler), out var access) ? access : null;

    /// <summary>Leading slash, no trailing slash, route constraints dropped: <c>{id:long}</c> is <c>{id}</c>.</summary>
    public static string Normalize(string pattern) => "/" + Constraint().Replace(pattern.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex Constraint();
}
