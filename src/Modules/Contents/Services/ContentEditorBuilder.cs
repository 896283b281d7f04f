using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Services;

/// <summary>Builds the editor page's model: the parts' editors and the actions this user may take.</summary>
public sealed class ContentEditorBuilder(IContentDisplayManager display, IContentManager contentManager, IAutorouteEntries entries, IAuthorizationService authorization, PublishingEditor publishing)
{
    public async Task<ContentEditorViewModel> BuildAsync(ControllerBase controller, ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var user = controller.User;
        var published = isNew ? null : await contentManager.GetAsync(item.ContentItemId);
        var settings = type.GetSettings();
        return new ContentEditorViewModel
        {
            Editor = await display.BuildEditorAsync(item),
            TypeDisplayName = string.IsNullOrEmpty(type.DisplayName) ? type.Name : type.DisplayName,
            Publishing = await publishing.BuildAsync(user, item),
            IsNew = isNew,
            IsPublished = published is not null,
            HasDraft = !isNew && !item.Published,
            Draftable = settings.Draftable,
            Versionable = settings.Versionable,
            CanPublish = await authorization.AuthorizeAsync(user, ContentPermissions.PublishContent, item),
            CanDelete = !isNew && await authorization.AuthorizeAsync(user, ContentPermissions.DeleteContent, item),
            CanPreview = !isNew && await authorization.AuthorizeAsync(user, ContentPermissions.PreviewContent, item),
            CanClone = !isNew && await authorization.AuthorizeAsync(user, ContentPermissions.CloneContent, item),
            PublicUrl = published is null ? null : entries.PathOf(published),
            FormAction = isNew ? $"/admin/contents/new/{type.Name}" : $"/admin/contents/{item.ContentItemId}/edit",
        };
    }
}
