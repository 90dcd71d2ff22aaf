using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.Tests.Unit.Access;

/// <summary>The start check covers every handler of every page of the frontend, as Razor Pages itself finds them.</summary>
public class PageActionsCheckTests
{
    private static async Task<IReadOnlyList<PageHandler>> FrontendPageHandlersAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddRazorPages().AddApplicationPart(typeof(PageAccess).Assembly);
        await using var app = builder.Build();
        app.MapRazorPages();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints);
        return await RouteActionsCheck.PageHandlersAsync(endpoints, app.Services.GetRequiredService<PageLoader>());
    }

    [Fact]
    public async Task Every_page_handler_of_the_frontend_has_an_entry()
    {
        var handlers = await FrontendPageHandlersAsync();

        Assert.Contains(new PageHandler("POST", "/onboarding", "create"), handlers);
        Assert.Contains(new PageHandler("GET", "/", "overview"), handlers);
        Assert.Contains(new PageHandler("GET", "/error/{code}"), handlers);
        Assert.Empty(RouteActionsCheck.MissingPageEntries(handlers));
    }

    [Fact]
    public async Task A_page_handler_without_an_entry_is_reported()
    {
        var handlers = await FrontendPageHandlersAsync();
        var withoutTwo = RouteActions.Pages
            .Where(entry => entry.Key != new PageHandler("POST", "/login") && entry.Key != new PageHandler("POST", "/onboarding", "invite"))
            .ToDictionary();

        Assert.Equal(["POST /login", "POST /onboarding?handler=Invite"], RouteActionsCheck.MissingPageEntries(handlers, withoutTwo).Order());
    }

    [Fact]
    public void Handler_names_match_without_case_as_razor_pages_selects_them()
    {
        Assert.Equal("organizations:read", RouteActions.ForPage("GET", "/", "Overview")?.Action);
        Assert.Null(RouteActions.ForPage("GET", "/", "no-such-handler"));
        Assert.Null(RouteActions.ForPage("DELETE", "/login", null));
    }

    [Fact]
    public void Every_organization_page_names_a_catalogue_action()
    {
        var actions = RouteActions.Pages.Values.Where(access => access.Kind == AccessKind.Organization).Select(access => access.Action!);

        Assert.All(actions, action => Assert.True(Planekeeper.Grains.Access.Policy.ActionCatalogue.IsKnown(action), action));
    }
}
