namespace Planekeeper.Scraping;

/// <summary>One step of a <see cref="PathExpression"/>: a mapping key or a sequence index.</summary>
public abstract record PathSegment;

public sealed record KeySegment(string Key) : PathSegment;

public sealed record IndexSegment(int Index) : PathSegment;
