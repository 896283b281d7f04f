using Cms.Security;

namespace Modules.NewsCommentary;

/// <summary>Who sees the source link report and may have a link checked again. Editors and administrators by default.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ViewSourceLinkHealth = new("ViewSourceLinkHealth", "See broken source links and check them again");

    public IEnumerable<Permission> GetPermissions() => [ViewSourceLinkHealth];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(StandardRoles.Administrator, [ViewSourceLinkHealth]),
        new(StandardRoles.Editor, [ViewSourceLinkHealth]),
    ];
}
