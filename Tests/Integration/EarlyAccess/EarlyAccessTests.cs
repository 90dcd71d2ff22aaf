using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.EarlyAccess;

/// <summary>
/// The early-access waitlist end to end: the public form post (antiforgery token scraped from the page), and the
/// global admin's internal routes. Accounts are not auto-approved here, so an invitation's approval shows.
/// </summary>
public sealed class EarlyAccessSystem : RunningSystem
{
    public const int PerAddress = 4;

    protected override IReadOnlyDictionary<string, string> FrontendSettings => new Dictionary<string, string>
    {
        ["AUTO_APPROVE_USERS"] = "false",
        ["EARLY_ACCESS_MAX_REQUESTS_PER_IP"] = PerAddress.ToString(),
    };
}

public partial class EarlyAccessTests(EarlyAccessSystem system) : IClassFixture<EarlyAccessSystem>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Each test sends from its own loopback address, so the per-address limit of one does not touch another.</summary>
    private ApiClient From(int last) => system.Client(from: IPAddress.Parse($"127.0.0.{last}"));

    private static async Task<HttpResponseMessage> PostFormAsync(ApiClient client, string path, params (string Name, string Value)[] fields)
    {
        var page = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        var content = new FormUrlEncodedContent(fields.Append((Name: "__RequestVerificationToken", Value: token)).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.SendAsync(HttpMethod.Post, path, configure: request => request.Content = content);
    }

    private static Task<HttpResponseMessage> SubmitAsync(ApiClient client, string email, string name = "Ada", string company = "Acme", string useCase = "watch releases", string website = "") =>
        PostFormAsync(client, "/earlyaccess", ("email", email), ("name", name), ("company", company), ("use_case", useCase), ("website", website));

    private Task<long> CountAsync(string email) =>
        system.ScalarAsync<long>($"SELECT count(*) FROM earlyaccess.waitlist_requests WHERE lower(email) = lower('{email}')");

    private static async Task<JsonElement> FindAsync(ApiClient admin, string email)
    {
        string? cursor = null;
        do
        {
            var page = await admin.OkAsync(HttpMethod.Get, $"/api/v1/internal/early-access?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("email").GetString() == email)
                {
                    return item;
                }
            }

            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        throw new Xunit.Sdk.XunitException($"{email} is not listed");
    }

    [Fact]
    public async Task Submitting_twice_with_the_same_email_keeps_one_row_with_the_latest_fields()
    {
        using var client = From(11);
        using var first = await SubmitAsync(client, "twice@example.com", useCase: "first");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Thank you", await first.Content.ReadAsStringAsync());
        using var second = await SubmitAsync(client, "  TWICE@example.com ", name: "Ada L.", useCase: "second");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        Assert.Equal(1, await CountAsync("twice@example.com"));
        Assert.Equal("second", await system.ScalarAsync<string>("SELECT use_case FROM earlyaccess.waitlist_requests WHERE email = 'twice@example.com'"));
        Assert.Equal("Ada L.", await system.ScalarAsync<string>("SELECT name FROM earlyaccess.waitlist_requests WHERE email = 'twice@example.com'"));
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_a_success_and_stores_nothing()
    {
        using var client = From(12);
        using var response = await SubmitAsync(client, "bot@example.com", website: "http://spam.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync("bot@example.com"));
    }

    [Fact]
    public async Task An_invalid_email_is_refused_with_its_message_next_to_the_field()
    {
        using var client = From(13);
        using var response = await SubmitAsync(client, "not an address", name: "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"email-error\" role=\"alert\">Email must be a valid address.", html);
        Assert.Contains("id=\"name-error\" role=\"alert\">Name is required.", html);
        Assert.Equal(0, await system.ScalarAsync<long>("SELECT count(*) FROM earlyaccess.waitlist_requests WHERE email LIKE 'not an%'"));
    }

    [Fact]
    public async Task Requests_beyond_the_per_address_limit_are_refused_with_429_and_retry_after()
    {
        using var client = From(14);
        for (var i = 0; i < EarlyAccessSystem.PerAddress; i++)
        {
            using var accepted = await SubmitAsync(client, $"flood{i}@example.com");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var refused = await SubmitAsync(client, "flood-extra@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(0, await CountAsync("flood-extra@example.com"));

        using var other = From(15);
        using var elsewhere = await SubmitAsync(other, "flood-other@example.com");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_internal_routes_are_for_global_admins_on_the_internal_port_only()
    {
        using var stranger = From(16);
        await stranger.SignUpAsync("not-admin@example.com");
        await stranger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/internal/early-access");
        await stranger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/internal/early-access.csv");
        await stranger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/internal/early-access/1/invite");
        await stranger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/internal/early-access/1/decline");

        using var publicPort = new HttpClient { BaseAddress = system.Frontend.BaseAddress };
        using var hidden = await publicPort.GetAsync("/api/v1/internal/early-access");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var hiddenCsv = await publicPort.GetAsync("/api/v1/internal/early-access.csv");
        Assert.Equal(HttpStatusCode.NotFound, hiddenCsv.StatusCode);

        using var admin = await system.AdminAsync();
        await admin.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "/api/v1/internal/early-access?status=maybe");
        await admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/internal/early-access/999999/invite");
    }

    [Fact]
    public async Task Decline_and_the_csv_export_show_the_status_and_guard_against_formulas()
    {
        using var client = From(17);
        using var submitted = await SubmitAsync(client, "declined@example.com", name: "=HYPERLINK(\"x\")", company: "Quotes, \"and\" commas");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var admin = await system.AdminAsync();
        var request = await FindAsync(admin, "declined@example.com");
        Assert.Equal("new", request.GetProperty("status").GetString());

        var declined = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/early-access/{request.GetProperty("id").GetInt64()}/decline");
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        var listed = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/early-access?status=declined");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), item => item.GetProperty("email").GetString() == "declined@example.com");
        var fresh = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/early-access?status=new");
        Assert.DoesNotContain(fresh.GetProperty("items").EnumerateArray(), item => item.GetProperty("email").GetString() == "declined@example.com");

        using var csv = await admin.GetAsync("/api/v1/internal/early-access.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("id,email,name,company,use_case,status,", text);
        Assert.Contains(",declined@example.com,\"'=HYPERLINK(\"\"x\"\")\",\"Quotes, \"\"and\"\" commas\",", text);
    }

    [Fact]
    public async Task An_invitation_lets_that_email_sign_up_approved_once()
    {
        using var client = From(18);
        using var submitted = await SubmitAsync(client, "invited@example.com");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var admin = await system.AdminAsync();
        var request = await FindAsync(admin, "invited@example.com");

        var invitation = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/early-access/{request.GetProperty("id").GetInt64()}/invite");
        Assert.Equal("invited", invitation.GetProperty("request").GetProperty("status").GetString());
        var token = invitation.GetProperty("token").GetString()!;
        var signUpPath = invitation.GetProperty("signup_path").GetString()!;
        Assert.Equal($"/signup?invite={token}", signUpPath);
        // Stored only as its SHA-256 hash.
        Assert.Equal(1, await system.ScalarAsync<long>($"SELECT count(*) FROM earlyaccess.waitlist_requests WHERE invite_token_hash = sha256(convert_to('{token}', 'UTF8'))"));

        // Another email cannot use the invitation.
        using var other = From(19);
        using var wrongEmail = await PostFormAsync(other, signUpPath, ("email", "someone-else@example.com"), ("password", "a long enough password"), ("invite", token));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongEmail.StatusCode);
        Assert.Equal(0, await system.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'someone-else@example.com'"));

        using var invitee = From(20);
        using var signedUp = await PostFormAsync(invitee, signUpPath, ("email", "invited@example.com"), ("password", "a long enough password"), ("invite", token));
        Assert.True(signedUp.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"sign-up answered {(int)signedUp.StatusCode}");
        Assert.True(await system.ScalarAsync<bool>("SELECT is_approved FROM users WHERE email = 'invited@example.com'"));
        var me = await invitee.OkAsync(HttpMethod.Get, "/api/v1/me");
        Assert.Equal("invited@example.com", me.GetProperty("user").GetProperty("email").GetString());
        Assert.NotNull((await FindAsync(admin, "invited@example.com")).GetProperty("invite_used_at").GetString());

        // Used once: the link works no more, and the request can no longer be invited again.
        using var again = From(21);
        using var reused = await PostFormAsync(again, signUpPath, ("email", "invited@example.com"), ("password", "another long password"), ("invite", token));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/internal/early-access/{request.GetProperty("id").GetInt64()}/invite");

        // Without an invitation, a sign-up still waits for approval.
        using var plain = From(22);
        using var waiting = await PostFormAsync(plain, "/signup", ("email", "uninvited@example.com"), ("password", "a long enough password"));
        Assert.False(await system.ScalarAsync<bool>("SELECT is_approved FROM users WHERE email = 'uninvited@example.com'"));
    }
}
