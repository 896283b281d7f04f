using Cms.Content;
using Cms.ContentDefinitions;
using Microsoft.EntityFrameworkCore;
using Modules.Admin.ViewModels;

namespace Modules.Admin.Services;

/// <summary>The dashboard's lists, through the content index columns: recent drafts and recently published items.</summary>
public sealed class DashboardQuery(IContentManager contentManager, IContentDefinitionManager definitions)
{
    /// <param name="ownerId">The only owner whose items are listed, for a user who may not list everyone's; null for all.</param>
    public async Task<DashboardViewModel> BuildAsync(string? ownerId, int count)
    {
        var query = contentManager.Query();
        if (ownerId is not null)
        {
            query = query.Where(r => r.Owner == ownerId);
        }

        var drafts = await query.Where(r => r.Latest && !r.Published)
            .OrderByDescending(r => r.ModifiedUtc).Take(count)
            .Select(r => new DashboardEntry(r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.ModifiedUtc))
            .ToListAsync();
        var published = await query.Where(r => r.Published)
            .OrderByDescending(r => r.PublishedUtc).Take(count)
            .Select(r => new DashboardEntry(r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.PublishedUtc))
            .ToListAsync();
        // "New {type}" as the content list says it, for each type an editor may create.
        var creatable = (await definitions.ListTypesAsync())
            .Where(t => t.GetSettings().Creatable)
            .Select(t => new DashboardType(t.Name, t.DisplayName))
            .ToList();
        return new DashboardViewModel { Drafts = drafts, Published = published, CreatableTypes = creatable };
    }
}
