namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// A whole list that is never paged (a chart's days, a rule's evaluations, the caller's sessions), as <c>{"items": […]}</c>.
/// Lists that page use <see cref="Grains.Interfaces.Common.Page{T}"/>: <c>items</c> and <c>next_cursor</c> (docs/api.md, "OpenAPI description").
/// </summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
