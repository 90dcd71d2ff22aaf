namespace Planekeeper.WebFrontend.Pages;

/// <summary>
/// What <c>_ChangedMeanwhile</c> says when a save was refused because the thing changed since the form was loaded
/// (docs/ui.md, "Editing at the same time"): what changed, and where its current version is.
/// </summary>
/// <param name="Noun">e.g. <c>monitoring rule</c>.</param>
/// <param name="ReloadPath">The edit page itself, which loads the current version.</param>
public sealed record ChangedMeanwhileNotice(string Noun, string ReloadPath);
