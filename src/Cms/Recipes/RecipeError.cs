namespace Cms.Recipes;

/// <summary>
/// What is wrong with a recipe, and where: the step's index (null for the header or the file as a
/// whole) and a JSON path such as <c>steps[3].Data[0].ContentType</c>.
/// </summary>
public sealed record RecipeError(int? StepIndex, string? StepName, string Path, string Message)
{
    public override string ToString()
        => StepIndex is null ? $"{Path}: {Message}" : $"Step {StepIndex} ({StepName}), {Path}: {Message}";
}

/// <summary>The outcome of validating or applying a recipe.</summary>
public sealed record RecipeResult(IReadOnlyList<RecipeError> Errors, IReadOnlyList<string> Changes)
{
    public bool Succeeded => Errors.Count == 0;

    public static RecipeResult Failed(params RecipeError[] errors) => new(errors, []);
}
