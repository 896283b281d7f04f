using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Cms.Recipes.Steps;

/// <summary>
/// A typed step value read from JSON may hold null where the recipe wrote null and the model says a
/// value is always there ("ContentTypePartDefinitionRecords": null, "Settings": null, [null]); the
/// step's code rightly expects none. This finds the first such place, so it is refused with its path
/// instead of failing later.
/// </summary>
internal static class StepNulls
{
    private static readonly NullabilityInfoContext s_nullability = new();

    public static string? Find(object value, string path, int depth = 0)
    {
        if (depth > 8)
        {
            return null;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var type = property.PropertyType;
            if (type.IsValueType)
            {
                continue;
            }

            var child = property.GetValue(value);
            var childPath = $"{path}.{property.Name}";
            if (child is null)
            {
                bool notNull;
                lock (s_nullability)
                {
                    notNull = s_nullability.Create(property).ReadState == NullabilityState.NotNull;
                }

                if (notNull)
                {
                    return childPath;
                }

                continue;
            }

            if (child is string || child is JsonNode)
            {
                continue;
            }

            if (child is IEnumerable items and not IDictionary)
            {
                var i = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{childPath}[{i++}]";
                    if (item is null)
                    {
                        return itemPath;
                    }

                    if (item is not string && !item.GetType().IsValueType && Find(item, itemPath, depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }
            }
            else if (child is not IDictionary && type.Namespace?.StartsWith("Cms", StringComparison.Ordinal) == true && Find(child, childPath, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
