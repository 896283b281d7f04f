using System.Security.Claims;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;

namespace Modules.Contents.Services;

/// <summary>What a user may do to an item.</summary>
public enum ContentAction
{
    View,
    Edit,
    Publish,
    Delete,
    Preview,
    Clone,
}

/// <summary>
/// Orchard's content authorisation: the owner needs the "Own" permission, others the general one;
/// Securable types use their per-type permissions (each implied by the general one).
/// </summary>
public sealed class ContentAuthorizer(IAuthorizationService authorization, IContentDefinitionManager definitions)
{
    public async Task<bool> CanAsync(ClaimsPrincipal user, ContentAction action, ContentItem item)
    {
        var isOwner = item.Owner.Length > 0 && item.Owner == user.FindFirstValue(ClaimTypes.NameIdentifier);
        var type = await definitions.GetTypeAsync(item.ContentType);
        var permission = type?.GetSettings().Securable == true
            ? TypePermission(action, isOwner, item.ContentType)
            : GeneralPermission(action, isOwner);
        return await authorization.AuthorizeAsync(user, permission);
    }

    private static Permission GeneralPermission(ContentAction action, bool own) => (action, own) switch
    {
        (ContentAction.View, true) => ContentPermissions.ViewOwnContent,
        (ContentAction.View, false) => ContentPermissions.ViewContent,
        (ContentAction.Edit, true) => ContentPermissions.EditOwnContent,
        (ContentAction.Edit, false) => ContentPermissions.EditContent,
        (ContentAction.Publish, true) => ContentPermissions.PublishOwnContent,
        (ContentAction.Publish, false) => ContentPermissions.PublishContent,
        (ContentAction.Delete, true) => ContentPermissions.DeleteOwnContent,
        (ContentAction.Delete, false) => ContentPermissions.DeleteContent,
        (ContentAction.Preview, true) => ContentPermissions.PreviewOwnContent,
        (ContentAction.Preview, false) => ContentPermissions.PreviewContent,
        (ContentAction.Clone, true) => ContentPermissions.CloneOwnContent,
        _ => ContentPermissions.CloneContent,
    };

    private static Permission TypePermission(ContentAction action, bool own, string type) => (action, own) switch
    {
        (ContentAction.View, true) => ContentTypePermissions.ViewOwn(type),
        (ContentAction.View, false) => ContentTypePermissions.View(type),
        (ContentAction.Edit, true) => ContentTypePermissions.EditOwn(type),
        (ContentAction.Edit, false) => ContentTypePermissions.Edit(type),
        (ContentAction.Publish, true) => ContentTypePermissions.PublishOwn(type),
        (ContentAction.Publish, false) => ContentTypePermissions.Publish(type),
        (ContentAction.Delete, true) => ContentTypePermissions.DeleteOwn(type),
        (ContentAction.Delete, false) => ContentTypePermissions.Delete(type),
        (ContentAction.Preview, true) => ContentTypePermissions.PreviewOwn(type),
        (ContentAction.Preview, false) => ContentTypePermissions.Preview(type),
        (ContentAction.Clone, true) => ContentTypePermissions.CloneOwn(type),
        _ => ContentTypePermissions.Clone(type),
    };
}
