using Cms.Security;

namespace Modules.Recipes;

/// <summary>
/// Orchard's names. Each one can change or read the whole site, so no role but Administrator (which
/// holds every permission) has them by default.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageRecipes = new("ManageRecipes", "Apply the site's recipes");
    public static readonly Permission Import = new("Import", "Import a recipe (pasted JSON, .json or .zip)");
    public static readonly Permission Export = new("Export", "Export the site as a recipe");

    public IEnumerable<Permission> GetPermissions() => [ManageRecipes, Import, Export];
}
