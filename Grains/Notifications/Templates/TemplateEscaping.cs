namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// How an action writes a value: as it is (messages), or JSON-string-escaped without quotes (webhook bodies, which are
/// JSON documents: <c>"version": "{{.Alert.DiscoveredVersion}}"</c> stays valid whatever the version). A value
/// through the <c>json</c> pipe is a complete JSON literal in both modes.
/// </summary>
public enum TemplateEscaping
{
    None,
    Json,
}
