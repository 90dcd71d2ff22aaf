using Planekeeper.WebFrontend.Pages.NotificationChannels;

namespace Planekeeper.WebFrontend.Pages.NotificationTemplates;

/// <summary>How the template pages name a channel type and where a template in effect comes from.</summary>
public static class TemplateSources
{
    public const string Organization = "organization";
    public const string Global = "global";
    public const string BuiltIn = "built-in";

    /// <summary>The channel type as the channel pages name it (<c>slack</c> → Slack).</summary>
    public static string TypeLabel(string channelType) =>
        ChannelTypeForms.Types.TryGetValue(channelType, out var form) ? form.Label : channelType;

    /// <summary>What a source means for the person reading the page.</summary>
    public static string Explain(string source) => source switch
    {
        Organization => "this organization's own template",
        Global => "the global template a global admin set for every organization",
        BuiltIn => "the built-in template",
        _ => source,
    };
}
