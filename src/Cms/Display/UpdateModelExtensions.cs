using Cms.Content;

namespace Cms.Display;

public static class UpdateModelExtensions
{
    /// <summary>Reports a part's own validation errors beside its fields ("{prefix}.{Property}").</summary>
    public static void AddPartErrors(this IUpdateModel updater, string prefix, IValidatablePart part)
    {
        foreach (var error in part.Validate())
        {
            updater.ModelState.AddModelError($"{prefix}.{error.Property}", error.Message);
        }
    }
}
