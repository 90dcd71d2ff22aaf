using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Settings;

/// <summary>
/// An organization's settings (template overrides included) with their one version, the <c>ETag</c> of
/// <c>/settings</c> and <c>/notification-templates</c> (docs/api.md, "ETags and If-Match").
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.settings.record")]
public sealed record SettingsRecord(
    [property: Id(0)] IReadOnlyDictionary<string, string> Values,
    [property: Id(1), JsonIgnore] int Version) : IVersioned;
