using System.Security.Claims;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;

namespace Modules.Contents.Security;

/// <summary>
/// Orchard's content authorization, for every page, editor and action that demands a content permission
/// with the item as the resource: the owner may do with the "Own" permission (EditOwnContent) what others
/// need the general one for, and a Securable type uses its per-type permissions (Edit_NewsCommentary), each
/// implied by the general one. The framework's permission handler grants the general permission itself.
/// </summary>
public sealed class ContentAuthorizationHandler(PermissionHandler permissions, IContentDefinitionManager definitions)
    : AuthorizationHandler<PermissionRequirement, ContentItem>
{
    private static readonly Dictionary<string, Variants> s_variants = new(StringComparer.Ordinal)
    {
        [ContentPermissions.ViewContent.Name] = new(ContentPermissions.ViewOwnContent, ContentTypePermissions.View, ContentTypePermissions.ViewOwn),
        [ContentPermissions.EditContent.Name] = new(ContentPermissions.EditOwnContent, ContentTypePermissions.Edit, ContentTypePermissions.EditOwn),
        [ContentPermissions.PublishContent.Name] = new(ContentPermissions.PublishOwnContent, ContentTypePermissions.Publish, ContentTypePermissions.PublishOwn),
        [ContentPermissions.DeleteContent.Name] = new(ContentPermissions.DeleteOwnContent, ContentTypePermissions.Delete, ContentTypePermissions.DeleteOwn),
        [ContentPermissions.PreviewContent.Name] = new(ContentPermissions.PreviewOwnContent, ContentTypePermissions.Preview, ContentTypePermissions.PreviewOwn),
        [ContentPermissions.CloneContent.Name] = new(ContentPermissions.CloneOwnContent, ContentTypePermissions.Clone, ContentTypePermissions.CloneOwn),
    };

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement, ContentItem item)
    {
        if (context.HasSucceeded || !s_variants.TryGetValue(requirement.Permission.Name, out var variants))
        {
            return;
        }

        var isOwner = item.Owner.Length > 0 && item.Owner == context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var securable = (await definitions.GetTypeAsync(item.ContentType))?.GetSettings().Securable == true;
        var permission = (isOwner, securable) switch
        {
            (true, true) => variants.OwnOfType(item.ContentType),
            (true, false) => variants.Own,
            (false, true) => variants.OfType(item.ContentType),
            _ => requirement.Permission,
        };
        if (await permissions.IsGrantedAsync(context.User, permission))
        {
            context.Succeed(requirement);
        }
    }

    private sealed record Variants(Permission Own, Func<string, Permission> OfType, Func<string, Permission> OwnOfType);
}
