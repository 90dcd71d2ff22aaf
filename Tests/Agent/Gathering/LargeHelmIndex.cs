using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Agent.Gathering;

/// <summary>
/// A repository index of realistic size, built once: 59 filler charts of 85 versions, <c>nginx</c> with 1,200
/// versions, <c>podinfo</c> with a prerelease and a backport, and <c>edge-only</c> with prereleases only.
/// </summary>
internal static class LargeHelmIndex
{
    public static readonly DateTimeOffset NginxFirst = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Podinfo654 = new DateTimeOffset(2023, 12, 12, 10, 11, 12, TimeSpan.Zero).AddTicks(1234567);
    public static readonly DateTimeOffset Podinfo660Rc1 = new(2024, 1, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Podinfo660 = new(2024, 2, 1, 9, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Podinfo655 = new(2024, 2, 20, 16, 45, 0, TimeSpan.Zero);
    public const int NginxVersions = 1200;

    private static readonly Lazy<HelmIndexBuilder> Builder = new(Build);

    public static string Yaml => LazyYaml.Value;

    public static int EntryCount => Builder.Value.EntryCount;

    public static int ChartCount => Builder.Value.ChartCount;

    private static readonly Lazy<string> LazyYaml = new(() => Builder.Value.Build());

    public static string NginxVersion(int n) => $"15.{n / 100}.{n % 100}";

    public static DateTimeOffset NginxCreated(int n) => NginxFirst.AddHours(n);

    private static HelmIndexBuilder Build()
    {
        var index = new HelmIndexBuilder().AddFillerCharts(charts: 59, versionsEach: 85, firstCreated: new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero));
        for (var n = 0; n < NginxVersions; n++)
        {
            index.Add("nginx", NginxVersion(n), $"1.{25 + n / 400}.{n % 400}", NginxCreated(n));
        }

        return index
            .Add("podinfo", "6.5.4", "6.5.4", Podinfo654)
            .Add("podinfo", "6.6.0-rc.1", "6.6.0-rc.1", Podinfo660Rc1)
            .Add("podinfo", "6.6.0", "6.6.0", Podinfo660)
            .Add("podinfo", "6.5.5", null, Podinfo655)
            .Add("edge-only", "0.1.0-alpha.1", "0.1.0", new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero))
            .Add("edge-only", "0.2.0-alpha.1", "0.2.0", new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
