using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Concurrency;

/// <summary>
/// Lost-update protection through the API for every kind of edited resource (docs/api.md, "ETags and If-Match"): the
/// version is the <c>ETag</c>; a write with a stale <c>If-Match</c> is 412 <c>precondition_failed</c> and changes
/// nothing; <c>*</c> and no header are unconditional; a weak tag never matches; an unreadable header is 400.
/// </summary>
public sealed class LostUpdateTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [MemberData(nameof(EditedResource.Kinds), MemberType = typeof(EditedResource))]
    public async Task A_write_with_a_stale_ETag_is_refused_with_412_and_changes_nothing(string kind)
    {
        var resource = EditedResource.Named(kind);
        using var owner = await OwnerAsync(kind);
        var (path, created) = await CreateAsync(owner, resource);
        var read = await ETagAsync(owner, path);
        Assert.Equal(created, read);
        Assert.Matches("^\"[0-9]+\"$", read);

        var (status, saved, _) = await WriteAsync(owner, resource, path, "first change", read);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(read, saved);
        Assert.Equal(saved, await ETagAsync(owner, path));

        var (stale, _, problem) = await WriteAsync(owner, resource, path, "lost change", read);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        Assert.Equal("precondition_failed", problem.GetProperty("code").GetString());
        Assert.Contains("changed since it was read", problem.GetProperty("detail").GetString());
        Assert.Equal("first change", await NameAsync(owner, path));
        Assert.Equal(saved, await ETagAsync(owner, path));

        var (weak, _, _) = await WriteAsync(owner, resource, path, "weak change", $"W/{saved}");
        Assert.Equal(HttpStatusCode.PreconditionFailed, weak);
        var (listed, afterList, _) = await WriteAsync(owner, resource, path, "listed change", $"\"999999\", {saved}");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal("listed change", await NameAsync(owner, path));

        var (any, _, _) = await WriteAsync(owner, resource, path, "any version", "*");
        Assert.Equal(HttpStatusCode.OK, any);
        var (unconditional, _, _) = await WriteAsync(owner, resource, path, "no condition", null);
        Assert.Equal(HttpStatusCode.OK, unconditional);
        Assert.Equal("no condition", await NameAsync(owner, path));

        var (malformed, _, unreadable) = await WriteAsync(owner, resource, path, "unreadable", "7");
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.True(unreadable.GetProperty("errors").TryGetProperty("if-match", out _), unreadable.ToString());
        Assert.Equal("no condition", await NameAsync(owner, path));
        Assert.NotEqual(afterList, await ETagAsync(owner, path));
    }

    [Theory]
    [MemberData(nameof(EditedResource.Kinds), MemberType = typeof(EditedResource))]
    public async Task A_delete_with_a_stale_ETag_is_refused_and_one_with_the_current_ETag_deletes(string kind)
    {
        var resource = EditedResource.Named(kind);
        if (!resource.Deletable)
        {
            return;
        }

        using var owner = await OwnerAsync($"{kind} delete");
        var (path, read) = await CreateAsync(owner, resource);
        var (_, changed, _) = await WriteAsync(owner, resource, path, "changed before the delete", read);
        var current = Assert.IsType<string>(changed);

        using (var stale = await owner.SendAsync(HttpMethod.Delete, path, configure: IfMatch(read)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        Assert.Equal("changed before the delete", await NameAsync(owner, path));
        using (var deleted = await owner.SendAsync(HttpMethod.Delete, path, configure: IfMatch(current)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_settings_and_the_template_overrides_share_one_version_and_a_stale_one_changes_nothing()
    {
        using var owner = await OwnerAsync("settings");
        var channel = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels",
            new { name = "default", type = "webhook", config = new { url = "https://hooks.example.com/settings" } })).GetProperty("id").GetInt64();
        const string Key = "/api/v1/settings/default_notification_channel_id";
        var read = await ETagAsync(owner, "/api/v1/settings");
        Assert.Equal(read, await ETagAsync(owner, "/api/v1/notification-templates"));

        using (var saved = await owner.SendAsync(HttpMethod.Put, Key, new { value = channel.ToString() }, IfMatch(read)))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.NotEqual(read, ETagOf(saved));
        }

        using (var stale = await owner.SendAsync(HttpMethod.Put, Key, new { value = "" }, IfMatch(read)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        using (var staleTemplate = await owner.SendAsync(HttpMethod.Delete, "/api/v1/notification-templates/new_alert?channel_type=webhook", configure: IfMatch(read)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, staleTemplate.StatusCode);
        }

        var settings = await owner.OkAsync(HttpMethod.Get, "/api/v1/settings");
        Assert.Equal(channel.ToString(), settings.GetProperty("default_notification_channel_id").GetString());
        var current = await ETagAsync(owner, "/api/v1/settings");
        Assert.Equal(current, await ETagAsync(owner, "/api/v1/notification-templates"));
        using (var cleared = await owner.SendAsync(HttpMethod.Put, Key, new { value = "" }, IfMatch(current)))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        }

        using var any = await owner.SendAsync(HttpMethod.Put, Key, new { value = channel.ToString() }, IfMatch("*"));
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
    }

    [Fact]
    public async Task A_member_s_role_change_with_a_stale_ETag_is_refused_and_any_change_of_its_roles_makes_the_ETag_stale()
    {
        using var owner = await OwnerAsync("member");
        var (member, userId) = await owner.AddMemberAsync("etag-member-colleague@example.com", "member");
        member.Dispose();
        var path = $"/api/v1/members/{userId}";
        var read = await ETagAsync(owner, path);
        Assert.Matches("^\"[0-9]+\"$", read);
        Assert.False((await owner.OkAsync(HttpMethod.Get, path)).TryGetProperty("version", out _));

        var saved = await ChangeRoleAsync(owner, path, "viewer", read, HttpStatusCode.OK);
        Assert.NotEqual(read, saved);
        Assert.Equal(saved, await ETagAsync(owner, path));

        using (var stale = await owner.SendAsync(HttpMethod.Put, path, new { role = "admin" }, IfMatch(read)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("precondition_failed", problem.GetProperty("code").GetString());
        }

        Assert.Equal(new[] { "viewer" }, await RolesAsync(owner, path));
        Assert.Equal(saved, await ETagAsync(owner, path));

        await owner.OkAsync(HttpMethod.Post, "/api/v1/roles/member/assign", new { user_id = userId });
        var assigned = await ETagAsync(owner, path);
        Assert.NotEqual(saved, assigned);
        await ChangeRoleAsync(owner, path, "admin", saved, HttpStatusCode.PreconditionFailed);
        using (var unassigned = await owner.SendAsync(HttpMethod.Delete, $"/api/v1/roles/member/assign/{userId}"))
        {
            Assert.True(unassigned.IsSuccessStatusCode, $"{(int)unassigned.StatusCode}");
        }

        await ChangeRoleAsync(owner, path, "admin", assigned, HttpStatusCode.PreconditionFailed);
        Assert.Equal(new[] { "viewer" }, await RolesAsync(owner, path));

        await ChangeRoleAsync(owner, path, "member", $"W/{await ETagAsync(owner, path)}", HttpStatusCode.PreconditionFailed);
        await ChangeRoleAsync(owner, path, "member", "*", HttpStatusCode.OK);
        await ChangeRoleAsync(owner, path, "admin", null, HttpStatusCode.OK);
        using (var malformed = await owner.SendAsync(HttpMethod.Put, path, new { role = "viewer" }, IfMatch("7")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            var problem = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("if-match", out _), problem.ToString());
        }

        Assert.Equal(new[] { "admin" }, await RolesAsync(owner, path));
    }

    [Fact]
    public async Task A_member_s_removal_with_a_stale_ETag_is_refused_and_one_with_the_current_ETag_removes()
    {
        using var owner = await OwnerAsync("member delete");
        var (member, userId) = await owner.AddMemberAsync("etag-member-removed@example.com", "member");
        member.Dispose();
        var path = $"/api/v1/members/{userId}";
        var read = await ETagAsync(owner, path);
        var current = Assert.IsType<string>(await ChangeRoleAsync(owner, path, "viewer", read, HttpStatusCode.OK));

        using (var stale = await owner.SendAsync(HttpMethod.Delete, path, configure: IfMatch(read)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        Assert.Equal(new[] { "viewer" }, await RolesAsync(owner, path));
        using (var malformed = await owner.SendAsync(HttpMethod.Delete, path, configure: IfMatch("abc")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        using (var removed = await owner.SendAsync(HttpMethod.Delete, path, configure: IfMatch(current)))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using var gone = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_member_of_another_organization_cannot_be_read_nor_changed()
    {
        using var owner = await OwnerAsync("member other org");
        var (member, userId) = await owner.AddMemberAsync("etag-member-elsewhere@example.com", "member");
        member.Dispose();
        using var stranger = await OwnerAsync("member stranger");
        using (var read = await stranger.GetAsync($"/api/v1/members/{userId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        using (var changed = await stranger.SendAsync(HttpMethod.Put, $"/api/v1/members/{userId}", new { role = "admin" }, IfMatch("*")))
        {
            Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        }

        Assert.Equal(new[] { "member" }, await RolesAsync(owner, $"/api/v1/members/{userId}"));
    }

    [Fact]
    public async Task If_match_on_a_resource_that_does_not_exist_is_404()
    {
        using var owner = await OwnerAsync("missing");
        using var response = await owner.SendAsync(HttpMethod.Put, "/api/v1/monitoring-rules/987654", new { name = "x", rule_type = "majors_behind", moderate = 1, high = 2, critical = 3 }, IfMatch("*"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<ApiClient> OwnerAsync(string kind)
    {
        var owner = system.Client();
        var slug = string.Concat(kind.Where(char.IsLetterOrDigit));
        await owner.SignUpAsync($"etag-{slug}@example.com");
        await owner.CreateOrganizationAsync($"ETag {kind}");
        return owner;
    }

    private static async Task<(string Path, string ETag)> CreateAsync(ApiClient owner, EditedResource resource)
    {
        using var response = await owner.SendAsync(HttpMethod.Post, resource.Collection, await resource.Body(owner, "created"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{resource.Kind}: {(int)response.StatusCode} {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty(resource.IdProperty).ToString();
        return ($"{resource.Collection}/{id}", ETagOf(response));
    }

    private static async Task<(HttpStatusCode Status, string? ETag, JsonElement Body)> WriteAsync(
        ApiClient owner, EditedResource resource, string path, string name, string? ifMatch)
    {
        using var response = await owner.SendAsync(resource.Write, path, await resource.Body(owner, name), ifMatch is null ? null : IfMatch(ifMatch));
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, response.IsSuccessStatusCode ? ETagOf(response) : null, body);
    }

    /// <returns>The new ETag when the change was made, else null.</returns>
    private static async Task<string?> ChangeRoleAsync(ApiClient owner, string path, string role, string? ifMatch, HttpStatusCode expected)
    {
        using var response = await owner.SendAsync(HttpMethod.Put, path, new { role }, ifMatch is null ? null : IfMatch(ifMatch));
        Assert.True(response.StatusCode == expected, $"PUT {path} {role} If-Match {ifMatch}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.IsSuccessStatusCode ? ETagOf(response) : null;
    }

    private static async Task<string[]> RolesAsync(ApiClient owner, string path) =>
        (await owner.OkAsync(HttpMethod.Get, path)).GetProperty("roles").EnumerateArray().Select(role => role.GetString()!).ToArray();

    private static async Task<string> ETagAsync(ApiClient owner, string path)
    {
        using var response = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ETagOf(response);
    }

    private static async Task<string> NameAsync(ApiClient owner, string path) =>
        (await owner.OkAsync(HttpMethod.Get, path)).GetProperty("name").GetString()!;

    private static string ETagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no ETag on {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}");

    private static Action<HttpRequestMessage> IfMatch(string value) => request => request.Headers.TryAddWithoutValidation("If-Match", value);
}
