using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Gathering.Oci;
using Planekeeper.Agent.Work;
using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Agent.Gathering;

/// <summary>oci_registry against a stand-in distribution registry.</summary>
public sealed class OciRegistrySourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset January = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private OciRegistryStandIn _registry = null!;

    public async Task InitializeAsync() => _registry = await OciRegistryStandIn.StartAsync();

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    [Fact]
    public async Task A_token_challenge_is_answered_with_an_anonymous_token_from_the_realm()
    {
        _registry.Login = RegistryLogin.Token;
        AddTags("team/app", "1.0.0", "1.1.0");

        var result = await Gather("team/app");

        Assert.Equal(["1.0.0", "1.1.0"], result.Releases.Select(release => release.Version));
        var requests = _registry.Requests;
        Assert.Equal(("/v2/team/app/tags/list", 401), (requests[0].Path, requests[0].Status));
        Assert.Equal(("/token", 200), (requests[1].Path, requests[1].Status));
        Assert.Equal("?service=standin-registry&scope=repository%3Ateam%2Fapp%3Apull", requests[1].Query);
        Assert.Null(requests[1].Header("Authorization"));
        Assert.Equal(("/v2/team/app/tags/list", 200), (requests[2].Path, requests[2].Status));
        Assert.StartsWith("Bearer standin-token-", requests[2].Header("Authorization"));
        Assert.All(requests.Skip(3), request => Assert.StartsWith("Bearer standin-token-", request.Header("Authorization")));
        Assert.Single(requests, request => request.Path == "/token");
    }

    [Fact]
    public async Task Tags_are_paged_through_the_link_header()
    {
        _registry.MaxPageSize = 2;
        AddTags("team/app", "1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0");

        var result = await Gather("team/app");

        Assert.Equal(["1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0"], result.Releases.Select(release => release.Version));
        var pages = _registry.Requests.Where(request => request.Path.EndsWith("/tags/list", StringComparison.Ordinal)).ToList();
        Assert.Equal(["?n=1000", "?n=2&last=1.1.0", "?n=2&last=2.0.0"], pages.Select(page => page.Query));
    }

    [Fact]
    public async Task A_registry_basic_credential_logs_in_at_the_token_service()
    {
        _registry.Login = RegistryLogin.Token;
        _registry.RequiredLogin = ("robot$ci", "t0ken-pass");
        AddTags("private/app", "3.0.0");

        var refused = await Assert.ThrowsAsync<TaskFailedException>(() => Gather("private/app"));
        var result = await Gather("private/app", Credential("robot$ci", "t0ken-pass"));

        Assert.False(refused.Retryable);
        Assert.Equal($"the token service of {_registry.Authority} ({_registry.Authority}) refused anonymous access to {_registry.Authority}/private/app (401)", refused.Message);
        Assert.Equal("3.0.0", Assert.Single(result.Releases).Version);
        var tokenRequest = _registry.Requests.Last(request => request.Path == "/token");
        Assert.Equal(HelmRepositoryStandIn.BasicAuthorization("robot$ci", "t0ken-pass"), tokenRequest.Header("Authorization"));
    }

    [Fact]
    public async Task A_basic_challenge_is_answered_with_the_credential()
    {
        _registry.Login = RegistryLogin.Basic;
        _registry.RequiredLogin = ("reader", "s3cret");
        AddTags("team/app", "1.0.0");

        var refused = await Assert.ThrowsAsync<TaskFailedException>(() => Gather("team/app"));
        var result = await Gather("team/app", Credential("reader", "s3cret"));
        var wrong = await Assert.ThrowsAsync<TaskFailedException>(() => Gather("team/app", Credential("reader", "wrong")));

        Assert.Equal($"registry {_registry.Authority} requires a login for {_registry.Authority}/team/app; name a registry_basic credential on the job", refused.Message);
        Assert.Equal("1.0.0", Assert.Single(result.Releases).Version);
        Assert.False(wrong.Retryable);
        Assert.StartsWith($"registry {_registry.Authority} refused access to {_registry.Authority}/team/app (401)", wrong.Message);
        Assert.DoesNotContain("s3cret", wrong.Message + refused.Message);
    }

    [Fact]
    public async Task The_newest_tags_by_SemVer_get_the_image_creation_date_and_digest()
    {
        _registry.Login = RegistryLogin.Token;
        _registry.AddImage("team/app", "v0.9.0", January.AddMonths(-1));
        _registry.AddImage("team/app", "1.0.0", January);
        _registry.AddImage("team/app", "1.1.0", January.AddMonths(1));
        var multiPlatform = _registry.AddMultiPlatformImage("team/app", "1.2.0", January.AddMonths(2));
        _registry.AddImage("team/app", "2.0.0-rc.1", January.AddMonths(3));
        _registry.AddImage("team/app", "latest", January.AddMonths(3));

        var result = await Gather("team/app", datedTags: 3);

        var releases = result.Releases.ToDictionary(release => release.Version);
        Assert.Equal(new GatheredRelease("2.0.0-rc.1", January.AddMonths(3), true, null, _registry.DigestOf("team/app", "2.0.0-rc.1")), releases["2.0.0-rc.1"]);
        Assert.Equal(new GatheredRelease("1.2.0", January.AddMonths(2), false, null, multiPlatform), releases["1.2.0"]);
        Assert.Equal(new GatheredRelease("1.1.0", January.AddMonths(1), false, null, _registry.DigestOf("team/app", "1.1.0")), releases["1.1.0"]);
        Assert.Equal(new GatheredRelease("1.0.0", null, false), releases["1.0.0"]);
        Assert.Equal(new GatheredRelease("v0.9.0", null, false), releases["v0.9.0"]);
        Assert.Equal(new GatheredRelease("latest", null, false), releases["latest"]);
        Assert.Null(result.Validators);
    }

    [Fact]
    public async Task A_tag_whose_manifest_is_gone_stays_undated()
    {
        AddTags("team/app", "1.0.0");
        _registry.AddDanglingTag("team/app", "1.1.0");

        var result = await Gather("team/app");

        Assert.Equal(
            [new GatheredRelease("1.0.0", January, false, null, _registry.DigestOf("team/app", "1.0.0")), new GatheredRelease("1.1.0", null, false)],
            result.Releases);
    }

    [Fact]
    public async Task The_tag_filter_applies_before_dating()
    {
        AddTags("team/app", "1.0.0", "1.1.0", "2.0.0");

        var result = await Gather("team/app", tagFilter: @"^1\.");

        Assert.Equal(["1.0.0", "1.1.0"], result.Releases.Select(release => release.Version));
        Assert.DoesNotContain(_registry.Requests, request => request.Path.EndsWith("/manifests/2.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_image_fails_not_retryable()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather("team/missing"));

        Assert.False(failure.Retryable);
        Assert.Equal($"image {_registry.Authority}/team/missing not found (its tag list answered 404)", failure.Message);
    }

    [Theory]
    [InlineData("docker.io/nginx", "https://registry-1.docker.io/", "library/nginx")]
    [InlineData("docker.io/library/nginx", "https://registry-1.docker.io/", "library/nginx")]
    [InlineData("docker.io/bitnami/redis", "https://registry-1.docker.io/", "bitnami/redis")]
    [InlineData("ghcr.io/org/image", "https://ghcr.io/", "org/image")]
    [InlineData("registry.example.com:5000/team/app", "http://registry.example.com:5000/", "team/app")]
    [InlineData("localhost:5000/app", "https://localhost:5000/", "app")]
    public void Image_names_map_to_the_registry_API(string artifact, string registryUrl, string repository)
    {
        var image = OciImage.Parse(artifact, registry => registry == "registry.example.com:5000");

        Assert.Equal(new Uri(registryUrl), image.RegistryUrl);
        Assert.Equal(repository, image.Repository);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("ghcr.io/org/image@sha256:abc")]
    [InlineData("https://ghcr.io/org/image")]
    public void Names_that_are_not_images_fail_not_retryable(string artifact)
    {
        var failure = Assert.Throws<TaskFailedException>(() => OciImage.Parse(artifact, _ => false));

        Assert.False(failure.Retryable);
        Assert.Equal($"artifact_name '{artifact}' is not <registry>/<repository> of an OCI image (without tag or digest)", failure.Message);
    }

    private void AddTags(string repository, params string[] tags)
    {
        foreach (var tag in tags)
        {
            _registry.AddImage(repository, tag, January);
        }
    }

    private Task<GatherResult> Gather(string repository, AgentCredential? credential = null, string? tagFilter = null, int datedTags = OciRegistrySource.DefaultDatedTags) =>
        new OciRegistrySource(TestHttp.Handler(), usePlainHttp: _ => true, datedTags)
            .GatherAsync(new GatherRequest("oci_registry", $"{_registry.Authority}/{repository}", tagFilter, credential, null), CancellationToken.None);

    private static AgentCredential Credential(string user, string password) => new("registry", AgentCredential.RegistryBasic, user, password, null);
}
