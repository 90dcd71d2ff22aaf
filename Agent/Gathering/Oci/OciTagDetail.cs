namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>What a tag's manifest tells: its digest (of the index, for a multi-platform image) and the image's creation date.</summary>
internal sealed record OciTagDetail(string Digest, DateTimeOffset? Created);
