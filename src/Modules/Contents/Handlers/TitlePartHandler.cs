using Cms.Content;
using Modules.Contents.Models;

namespace Modules.Contents.Handlers;

/// <summary>An item with a TitlePart shows its title as its DisplayText, as in Orchard.</summary>
public sealed class TitlePartHandler : IContentHandler
{
    public Task SavingAsync(ContentItem item)
    {
        if (item.As<TitlePart>() is { } title && !string.IsNullOrWhiteSpace(title.Title))
        {
            item.DisplayText = title.Title.Trim();
        }

        return Task.CompletedTask;
    }
}
