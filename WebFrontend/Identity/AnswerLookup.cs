namespace Planekeeper.WebFrontend.Identity;

/// <summary>When a grain was asked, and the last access change this frontend had applied then (docs/security.md, "Verified API keys").</summary>
public readonly record struct AnswerLookup(DateTimeOffset AskedAt, long Seq);
