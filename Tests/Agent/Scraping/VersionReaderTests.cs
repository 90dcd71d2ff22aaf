using Planekeeper.Agent.Scraping;
using Planekeeper.Agent.Work;

namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>The yq, jq and regex readers on file texts, without git.</summary>
public sealed class VersionReaderTests
{
    private const string Kustomization = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        images:
          - name: nginx
            newTag: 1.27.2
          - name: redis
            newTag: ~
        replicas: 3
        enabled: true
        ---
        kind: Other
        images: []
        """;

    private const string PackageLock = """
        {"name": "storefront", "lockfileVersion": 3, "packages": {"": {"version": "3.8.0"}, "node_modules/react": {"version": "18.3.1"}},
         "released": null, "ports": [8080, 8443]}
        """;

    [Theory]
    [InlineData(".images[0].newTag", "1.27.2")]
    [InlineData(".images[1].newTag", "")]
    [InlineData(".replicas", "3")]
    [InlineData(".enabled", "true")]
    [InlineData(".kind", "Kustomization")]
    public void Yq_reads_a_single_value_of_the_first_document(string expression, string expected)
    {
        Assert.Equal(expected, Read("yq", expression, Kustomization));
    }

    [Theory]
    [InlineData(".packages[\"node_modules/react\"].version", "18.3.1")]
    [InlineData(".packages[\"\"].version", "3.8.0")]
    [InlineData(".lockfileVersion", "3")]
    [InlineData(".ports[1]", "8443")]
    [InlineData(".released", "")]
    public void Jq_reads_strings_numbers_and_null(string expression, string expected)
    {
        Assert.Equal(expected, Read("jq", expression, PackageLock));
    }

    [Theory]
    [InlineData("yq", ".kind.name", "kustomization.yaml: .kind.name: .kind is a single value, not a mapping with key 'name'")]
    [InlineData("yq", ".images.name", "kustomization.yaml: .images.name: .images is a list, not a mapping with key 'name'")]
    [InlineData("yq", ".images[1].newTag.major", "kustomization.yaml: .images[1].newTag.major: .images[1].newTag is empty, not a mapping with key 'major'")]
    [InlineData("yq", ".replicas[0]", "kustomization.yaml: .replicas[0]: .replicas is a single value, not a list with index [0]")]
    [InlineData("yq", ".[0]", "kustomization.yaml: .[0]: . is a mapping, not a list with index [0]")]
    [InlineData("yq", ".images", "kustomization.yaml: .images: the value is a list, not a single value")]
    [InlineData("yq", ".image.tag", "kustomization.yaml: .image.tag: no key 'image' at the top level")]
    [InlineData("jq", ".packages[\"node_modules/vue\"].version", "package-lock.json: .packages[\"node_modules/vue\"].version: no key 'node_modules/vue' under .packages")]
    [InlineData("jq", ".ports[2]", "package-lock.json: .ports[2]: index [2] is out of range: .ports has 2 items")]
    public void A_path_that_does_not_lead_to_a_single_value_says_where_it_stopped(string parseType, string expression, string expected)
    {
        var text = parseType == "yq" ? Kustomization : PackageLock;

        var failure = Assert.Throws<TaskFailedException>(() => Read(parseType, expression, text));

        Assert.False(failure.Retryable);
        Assert.Equal(expected, failure.Message);
    }

    [Theory]
    [InlineData("yq", "image: [unclosed", "kustomization.yaml is not valid YAML: ")]
    [InlineData("yq", "a: 1\na: 2\n", "kustomization.yaml is not valid YAML: ")]
    [InlineData("yq", "# only a comment\n", "kustomization.yaml is empty")]
    [InlineData("jq", "{\"version\": \"1.0.0\",}", "package-lock.json is not valid JSON: ")]
    public void A_file_that_does_not_parse_is_a_final_failure_naming_it(string parseType, string text, string expected)
    {
        var failure = Assert.Throws<TaskFailedException>(() => Read(parseType, ".version", text));

        Assert.False(failure.Retryable);
        Assert.StartsWith(expected, failure.Message);
    }

    [Theory]
    [InlineData(@"^version:\s*(\S+)", "version: 1.2.3\r\nname: x\r\n", "1.2.3")]
    [InlineData(@"^ARG GO_VERSION=(\d+\.\d+)$", "FROM scratch\nARG GO_VERSION=1.23\nRUN true\n", "1.23")]
    [InlineData(@"\d+\.\d+\.\d+", "release 4.5.6 today", "4.5.6")]
    public void Regex_gives_the_first_group_or_the_whole_match_with_multiline_anchors(string pattern, string text, string expected)
    {
        Assert.Equal(expected, Read("regex", pattern, text).Trim());
    }

    [Theory]
    [InlineData("manual", ".version", "a manual scrape job has no repository to read; its version is set through the API")]
    [InlineData("toml", ".version", "parse_type 'toml' is not one of yq, jq, regex, manual")]
    [InlineData("jq", ".a[", "parse_expression '.a[' is not a valid path: expected an index or a quoted key after '[' (position 4)")]
    public void An_unusable_parse_type_or_expression_is_refused_before_reading(string parseType, string expression, string expected)
    {
        var failure = Assert.Throws<TaskFailedException>(() => VersionReaders.For(parseType, expression));

        Assert.False(failure.Retryable);
        Assert.Equal(expected, failure.Message);
    }

    private static string Read(string parseType, string expression, string text) =>
        VersionReaders.For(parseType, expression).Read(text, parseType == "yq" ? "kustomization.yaml" : "package-lock.json");
}
