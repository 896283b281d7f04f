namespace Cms.Recipes;

/// <summary>The recipes a deployer can apply: from the recipes/ folder and from modules.</summary>
public interface IRecipeHarvester
{
    IReadOnlyList<RecipeDescriptor> List();

    RecipeDescriptor? Find(string name);
}
