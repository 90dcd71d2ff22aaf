using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.NotificationTemplates;

/// <summary>
/// <c>/notification-templates</c>: for each channel type and category, where the template in effect comes from
/// (organization, global, built-in) with a link to its editor — <c>GET /api/v1/notification-templates</c> as a table.
/// </summary>
public sealed class TemplateListModel(IClusterClient cluster) : PlanekeeperPage
{
    public IReadOnlyList<TemplateRecord> Templates { get; private set; } = [];

    public TemplateVocabulary Vocabulary { get; private set; } = null!;

    /// <summary>The channel types in the grain's order, each row of the table.</summary>
    public IEnumerable<string> ChannelTypes => Templates.Select(template => template.ChannelType).Distinct();

    public TemplateRecord? Find(string channelType, string category) =>
        Templates.FirstOrDefault(template => template.ChannelType == channelType && template.Category == category);

    public async Task OnGetAsync()
    {
        var grain = cluster.GetGrain<INotificationTemplatesGrain>(0);
        var vocabulary = grain.VocabularyAsync();
        Templates = await grain.ListAsync(OrganizationId);
        Vocabulary = await vocabulary;
    }
}
