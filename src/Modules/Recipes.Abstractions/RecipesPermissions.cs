using Cms.Security;

namespace Modules.Recipes;

/// <summary>
/// Orchard's names. Each one can change or read the whole site, so no role but Administrator (which
/// holds every permission) has them by default. Other modules' import pages (Blogger, WordPress) demand <see cref="Import"/>.
/// </summary>
public static class RecipesPermissions
{
    public static readonly Permission ManageRecipes = new("ManageRecipes", "Apply the site's recipes");
    public static readonly Permission Import = new("Import", "Import a recipe or another service's export (JSON, .zip, Blogger, WordPress)");
    public static readonly Permission Export = new("Export", "Export the site as a recipe");
}
