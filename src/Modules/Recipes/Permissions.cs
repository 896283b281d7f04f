using Cms.Security;

namespace Modules.Recipes;

/// <summary>Declares the Recipes feature's permissions (defined in the abstractions project, as other modules demand them).</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageRecipes = RecipesPermissions.ManageRecipes;
    public static readonly Permission Import = RecipesPermissions.Import;
    public static readonly Permission Export = RecipesPermissions.Export;

    public IEnumerable<Permission> GetPermissions() => [ManageRecipes, Import, Export];
}
