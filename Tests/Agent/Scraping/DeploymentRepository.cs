namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>
/// A bare git repository on disk (reached through <c>file://</c>) holding what a team deploys from: a Helm chart, its
/// values, Kubernetes manifests, a package.json and a Dockerfile. History: <see cref="ChartReleaseSha"/> (tagged
/// <see cref="ChartReleaseTag"/>), then <see cref="MainSha"/> on main; <see cref="ReleaseBranchSha"/> on
/// <see cref="ReleaseBranch"/>.
/// </summary>
public sealed class DeploymentRepository : IDisposable
{
    public const string ChartReleaseTag = "chart-1.3.0";
    public const string ReleaseBranch = "release/2.x";

    private readonly TemporaryFolder folder = new();

    public DeploymentRepository()
    {
        var bare = Path.Combine(folder.Path, "infra.git");
        var work = Path.Combine(folder.Path, "work");
        Git(folder.Path, "init", "--quiet", "--bare", bare);
        Git(folder.Path, "init", "--quiet", work);

        ChartReleaseSha = Commit(work, "Chart 1.3.0", ("charts/web/Chart.yaml", Chart("1.3.0", "1.26.3")));
        Git(work, "tag", "-a", ChartReleaseTag, "-m", "web chart 1.3.0");
        // A link out of the repository, which the agent must not follow.
        File.CreateSymbolicLink(Path.Combine(work, "charts/web/hostname.yaml"), "/etc/hostname");
        MainSha = Commit(work, "Chart 1.4.2 on nginx 1.27.2",
            ("charts/web/Chart.yaml", Chart("1.4.2", "1.27.2")),
            ("charts/web/values.yaml", ValuesYaml),
            ("deploy/web.yaml", DeploymentManifest),
            ("deploy/labels.yaml", CommonLabels),
            ("frontend/package.json", PackageJson),
            ("Dockerfile", Dockerfile),
            ("checks/backtracking.txt", new string('a', 40) + "!\n"));
        Git(work, "checkout", "--quiet", "-b", ReleaseBranch);
        ReleaseBranchSha = Commit(work, "Chart 2.0.0-rc.1", ("charts/web/Chart.yaml", Chart("2.0.0-rc.1", "1.27.3")));
        Git(work, "push", "--quiet", bare, "main", ReleaseBranch, ChartReleaseTag);

        Url = new Uri(bare).AbsoluteUri;
    }

    /// <summary>The folder holding the bare repository <c>infra.git</c>.</summary>
    public string Root => folder.Path;

    /// <summary><c>file:///…/infra.git</c></summary>
    public string Url { get; }

    public string ChartReleaseSha { get; }

    public string MainSha { get; }

    public string ReleaseBranchSha { get; }

    public void Dispose() => folder.Dispose();

    private string Commit(string work, string message, params (string File, string Text)[] files)
    {
        foreach (var (file, text) in files)
        {
            var path = Path.Combine(work, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Git(work, "add", "--all");
        Git(work, "commit", "--quiet", "-m", message);
        return Git(work, "rev-parse", "HEAD");
    }

    private string Git(string workingDirectory, params string[] arguments) =>
        GitCommandLine.Run(workingDirectory, folder.Path, arguments);

    private static string Chart(string version, string appVersion) => $"""
        apiVersion: v2
        name: web
        description: The storefront
        type: application
        version: {version}
        appVersion: "{appVersion}"
        dependencies:
          - name: redis
            version: 19.6.4
            repository: oci://registry-1.docker.io/bitnamicharts
        """;

    private const string ValuesYaml = """
        # Default values for web.
        replicaCount: 2

        image:
          repository: ghcr.io/acme/web
          tag: "v2.14.1"
          digest:
          pullPolicy: IfNotPresent

        resources:
          limits: {cpu: 500m, memory: 256Mi}

        extraEnv: []
        """;

    private const string DeploymentManifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
            app.kubernetes.io/version: "2.14.1"
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: istio-proxy
                  image: docker.io/istio/proxyv2:1.23.0
                - name: web
                  image: ghcr.io/acme/web:2.14.1
                  ports:
                    - containerPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 80
        """;

    private const string CommonLabels = """
        app.kubernetes.io/name: web
        app.kubernetes.io/version: "2.14.1"
        app.kubernetes.io/part-of: storefront
        """;

    private const string PackageJson = """
        {
          "name": "storefront",
          "version": "3.8.0",
          "private": true,
          "scripts": {"build": "vite build"},
          "dependencies": {
            "react": "^18.3.1",
            "react-dom": "^18.3.1"
          },
          "engines": {"node": ">=20"}
        }
        """;

    private const string Dockerfile = """
        # syntax=docker/dockerfile:1
        FROM node:20-alpine AS build
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build

        FROM nginx:1.27.2-alpine
        COPY --from=build /app/dist /usr/share/nginx/html
        """;
}
