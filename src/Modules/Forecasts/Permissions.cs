using Cms.Security;

namespace Modules.Forecasts;

/// <summary>Who sees the due list and resolves forecasts (publishing the post also needs PublishContent for it). Editors and administrators by default.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ResolveForecasts = new("ResolveForecasts", "See forecasts that are due and resolve them");

    public IEnumerable<Permission> GetPermissions() => [ResolveForecasts];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(StandardRoles.Administrator, [ResolveForecasts]),
        new(StandardRoles.Editor, [ResolveForecasts]),
    ];
}
