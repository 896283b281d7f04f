using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Cms.Recipes;

/// <summary>
/// Turns a recipe into the list of steps to validate and apply: checks the header, evaluates script
/// values, and puts the steps of the recipes a 'recipes' step names in that step's place.
/// </summary>
internal sealed class RecipePreparer(IRecipeHarvester harvester, IConfiguration configuration)
{
    private const int MaxNesting = 5;

    /// <summary>Checks the header, evaluates script values (in the recipe itself, which the caller parsed for this run) and expands nested recipes into one list of steps.</summary>
    public (List<RecipeStep> Steps, List<RecipeError> Errors) Prepare(JsonObject recipe, RecipeExecutionOptions options)
        => Prepare(recipe, options, "steps", 0);

    private (List<RecipeStep> Steps, List<RecipeError> Errors) Prepare(JsonObject recipe, RecipeExecutionOptions options, string path, int depth)
    {
        var steps = new List<RecipeStep>();
        var errors = new List<RecipeError>();
        var prefix = path == "steps" ? "" : path[..^"steps".Length];
        if (recipe["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out _))
        {
            errors.Add(new RecipeError(null, null, $"{prefix}name", "The recipe needs a 'name' (a string)."));
        }

        if (recipe["variables"] is not (null or JsonObject))
        {
            errors.Add(new RecipeError(null, null, $"{prefix}variables", "'variables' must be an object."));
        }

        if (recipe["steps"] is not JsonArray rawSteps)
        {
            errors.Add(new RecipeError(null, null, path, "The recipe needs a 'steps' array."));
            return (steps, errors);
        }

        var evaluator = new ScriptValueEvaluator(recipe["variables"] as JsonObject, options.Parameters, configuration);
        // Evaluated in place, not in a copy: every caller parsed (or copied) the recipe for this one run, and a copy
        // of a 10,000-post recipe was most of an import's memory.
        var evaluated = rawSteps;
        for (var i = 0; i < evaluated.Count; i++)
        {
            var stepPath = $"{path}[{i}]";
            if (evaluated[i] is not JsonObject stepObject)
            {
                errors.Add(new RecipeError(i, null, stepPath, "A step must be an object with a 'name'."));
                continue;
            }

            if (stepObject["name"] is not JsonValue stepName || !stepName.TryGetValue<string>(out var name) || name.Length == 0)
            {
                errors.Add(new RecipeError(i, null, $"{stepPath}.name", "A step needs a 'name' (a string)."));
                continue;
            }

            var scriptErrors = new List<(string Path, string Message)>();
            evaluator.EvaluateAll(stepObject, stepPath, scriptErrors);
            scriptErrors.AddRange(RecipeXmlText.Problems(stepObject, stepPath));
            PrepareItems(stepObject, stepPath, evaluator, scriptErrors);
            errors.AddRange(scriptErrors.Select(e => new RecipeError(i, name, e.Path, e.Message)));
            if (string.Equals(name, "recipes", StringComparison.OrdinalIgnoreCase))
            {
                ExpandNested(stepObject, i, stepPath, options, depth, steps, errors);
                continue;
            }

            steps.Add(new RecipeStep(i, name, stepObject, stepPath));
        }

        return (steps, errors);
    }

    /// <summary>
    /// A content step's items read one at a time (<see cref="RecipeItems"/>) get the same treatment as the rest of the
    /// step, item by item: only an item whose text may hold a script value or a character XML cannot carry is parsed,
    /// and only one whose script values were replaced is kept (as evaluated).
    /// </summary>
    private static void PrepareItems(JsonObject step, string stepPath, ScriptValueEvaluator evaluator, List<(string Path, string Message)> errors)
    {
        var (key, value) = step.FirstOrDefault(p => p.Value is JsonValue v && v.TryGetValue<RecipeItems>(out _));
        if (value is null)
        {
            return;
        }

        var items = RecipeItems.Of(value)!;
        for (var i = 0; i < items.Count; i++)
        {
            if (!items.MayNeedPreparing(i))
            {
                continue;
            }

            var path = $"{stepPath}.{key}[{i}]";
            var replacedBefore = evaluator.Replaced;
            var item = evaluator.EvaluateValue(items.Parse(i), path, errors);
            errors.AddRange(RecipeXmlText.Problems(item, path));
            if (evaluator.Replaced != replacedBefore)
            {
                items.Keep(i, item);
            }
        }
    }

    /// <summary>The 'recipes' step runs other recipes by name: their steps take its place, in order.</summary>
    private void ExpandNested(JsonObject step, int index, string path, RecipeExecutionOptions options, int depth,
        List<RecipeStep> steps, List<RecipeError> errors)
    {
        if (step["Values"] is not JsonArray values)
        {
            errors.Add(new RecipeError(index, "recipes", $"{path}.Values", "'Values' must be an array of { \"name\": ... } entries."));
            return;
        }

        if (depth >= MaxNesting)
        {
            errors.Add(new RecipeError(index, "recipes", path, $"Recipes nest more than {MaxNesting} deep; is a recipe running itself?"));
            return;
        }

        for (var j = 0; j < values.Count; j++)
        {
            var valuePath = $"{path}.Values[{j}]";
            var name = (values[j] as JsonObject)?["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
            if (name is null)
            {
                errors.Add(new RecipeError(index, "recipes", $"{valuePath}.name", "Each entry needs the 'name' of a recipe."));
                continue;
            }

            var descriptor = harvester.Find(name);
            if (descriptor is null)
            {
                errors.Add(new RecipeError(index, "recipes", $"{valuePath}.name", $"There is no recipe named '{name}'."));
                continue;
            }

            var (nested, parseError) = RecipeReader.Parse(descriptor.ReadText());
            if (nested is null)
            {
                errors.Add(new RecipeError(index, "recipes", valuePath, $"Recipe '{name}': {parseError!.Message}"));
                continue;
            }

            var (nestedSteps, nestedErrors) = Prepare(nested, options, $"{valuePath}.steps", depth + 1);
            steps.AddRange(nestedSteps.Select(s => s with { Index = index }));
            errors.AddRange(nestedErrors.Select(e => e with { StepIndex = index, StepName = e.StepName ?? "recipes" }));
        }
    }
}
