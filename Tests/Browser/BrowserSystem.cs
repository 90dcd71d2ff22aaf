using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The real system (PostgreSQL, a silo process, the frontend process) with Debian's Chromium driven by Playwright
/// (<c>CHROMIUM_PATH</c> overrides <c>/usr/bin/chromium</c>). Sign-ups wait for approval, as in production. Each test
/// opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserSystem : RunningSystem
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The maintenance banner is read every <see cref="BannerRefreshInterval"/>.</summary>
    protected override IReadOnlyDictionary<string, string> FrontendSettings => new Dictionary<string, string>
    {
        ["AUTO_APPROVE_USERS"] = "false",
        ["BANNER_REFRESH_INTERVAL"] = "1s",
    };

    public static readonly TimeSpan BannerRefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>Webhooks may reach receivers on 127.0.0.1, and a delivery is dead after two attempts (1 s apart).</summary>
    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["NOTIFICATION_ALLOW_PRIVATE_URLS"] = "true",
        ["NOTIFICATION_RETRY_SCHEDULE"] = "1s",
    };

    /// <summary>Where the tests save their screenshots: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The whole suite shares two cores: give a page more than Playwright's 5 s default to answer.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // No lookups of Google's hosts: every name but the frontend's address fails at once.
            Args = ["--disable-gpu", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"],
        });
    }

    public async Task<IPage> NewPageAsync(ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Frontend.BaseAddress.ToString(), ColorScheme = scheme });
        return await context.NewPageAsync();
    }

    /// <summary>A page of a new browser context on the frontend's internal port, where the Internal UI is served.</summary>
    public async Task<IPage> NewInternalPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Frontend.InternalBaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    /// <summary>The global admin, signed in on the internal port's sign-in page.</summary>
    public async Task<IPage> OperatorPageAsync()
    {
        var page = await NewInternalPageAsync();
        await SignInAsync(page, AdminEmail, AdminPassword);
        await page.GotoAsync("/internal");
        return page;
    }

    /// <summary>A link of the Internal UI's navigation, by its exact text.</summary>
    public static ILocator InternalNavigationLink(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Internal" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>A user who signed up (with the API) and was approved by the global admin.</summary>
    public async Task<long> ApprovedUserAsync(string email, string password)
    {
        using var client = Client();
        var user = await client.ExpectAsync(System.Net.HttpStatusCode.Created, HttpMethod.Post, "/api/v1/auth/signup", new { email, password });
        var id = user.GetProperty("id").GetInt64();
        await ApproveAsync(id);
        return id;
    }

    public async Task ApproveAsync(long userId)
    {
        using var admin = await AdminAsync();
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{userId}/approve");
    }

    /// <summary>Approves the pending user who signed up (in the browser) with <paramref name="email"/>.</summary>
    public async Task ApproveAsync(string email)
    {
        using var admin = await AdminAsync();
        var pending = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/users?status=pending");
        await ApproveAsync(pending.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetInt64());
    }

    public const string Password = "a long enough password";

    /// <summary>An approved user, signed in with an API client, owning a new organization (the client's current one).</summary>
    public async Task<ApiClient> OwnerAsync(string email, string organization)
    {
        await ApprovedUserAsync(email, Password);
        var owner = Client();
        await owner.SignInAsync(email, Password);
        await owner.CreateOrganizationAsync(organization);
        return owner;
    }

    /// <summary>An approved user who accepted <paramref name="owner"/>'s invite with <paramref name="role"/>; returns the user's id.</summary>
    public async Task<long> MemberAsync(ApiClient owner, string email, string role)
    {
        var invite = await owner.ExpectAsync(System.Net.HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email, role });
        var id = await ApprovedUserAsync(email, Password);
        using var member = Client();
        await member.SignInAsync(email, Password);
        await member.OkAsync(HttpMethod.Post, $"/api/v1/invites/{invite.GetProperty("token").GetString()}/accept");
        return id;
    }

    /// <summary>A link of the header's main navigation, by its exact text.</summary>
    public static ILocator NavigationLink(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Signs in on the sign-in page, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    /// <summary>Saves the page as it looks now, in the light and the dark scheme, and at a phone's width.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-{scheme.ToString().ToLowerInvariant()}.png"), FullPage = true });
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        if (page.ViewportSize is { } desktop)
        {
            await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-phone-light.png"), FullPage = true });
            await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
        }
    }

    /// <summary>The page shows <paramref name="heading"/> as its title; axe finds nothing serious; screenshots are saved.</summary>
    public static async Task CheckPageAsync(IPage page, string heading, string screenshot)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, screenshot);
    }

    /// <summary>
    /// Posts a form the way the page would (its antiforgery token, the site's Origin), for a control the page showed
    /// disabled: the server must refuse it on its own.
    /// </summary>
    public Task<IAPIResponse> PostAsPageAsync(IPage page, string path, params (string Name, string Value)[] fields) =>
        PostFormAsync(page, path, Frontend.BaseAddress, fields);

    /// <summary><see cref="PostAsPageAsync"/> for a page of the Internal UI (its origin is the internal port's).</summary>
    public Task<IAPIResponse> PostAsInternalPageAsync(IPage page, string path, params (string Name, string Value)[] fields) =>
        PostFormAsync(page, path, Frontend.InternalBaseAddress, fields);

    private static async Task<IAPIResponse> PostFormAsync(IPage page, string path, Uri origin, (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", (await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value"))!);
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return await page.APIRequest.PostAsync(path, new()
        {
            Form = form,
            Headers = new Dictionary<string, string> { ["Origin"] = origin.GetLeftPart(UriPartial.Authority) },
        });
    }

    /// <summary>Runs axe on the page in both schemes (contrast differs) and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var found = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var results = await page.RunAxe();
            found.AddRange(results.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{scheme} {page.Url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserSystem>;
