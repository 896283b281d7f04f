using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Content;
using Microsoft.Extensions.Configuration;

namespace Cms.Recipes;

/// <summary>
/// Evaluates Orchard's script values ("[js: uuid()]", "[js: variables('x')]", "[js: parameters('x')]",
/// "[js: configuration('Recipes:key', 'default')]"). Only these forms are understood: nothing in a recipe
/// runs as code, so a recipe cannot do more than its steps say. configuration() reads only keys under
/// "Recipes:" (connection strings, the setup password and SMTP credentials stay out of reach), and
/// variables that refer to each other are bounded in depth and in the size they expand to.
/// </summary>
public sealed partial class ScriptValueEvaluator(
    JsonObject? variables,
    IReadOnlyDictionary<string, string> parameters,
    IConfiguration configuration)
{
    /// <summary>The only configuration section a recipe may read (Recipes__SiteName is configuration('Recipes:SiteName')).</summary>
    public const string ConfigurationSection = "Recipes";

    /// <summary>How many variables deep one may refer to another.</summary>
    public const int MaxVariableDepth = 20;

    /// <summary>JSON characters that variables may add to a recipe in all; a hostile recipe's doubling stops here.</summary>
    public const int MaxExpandedSize = 5_000_000;

    private readonly Dictionary<string, (JsonNode? Value, int Size)> _evaluatedVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);
    private long _expanded;
    private bool _overBudget;

    /// <summary>Replaces every script value under <paramref name="node"/> in place; returns errors by path.</summary>
    public void EvaluateAll(JsonNode node, string path, List<(string Path, string Message)> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    EvaluateChild(obj[key], $"{path}.{key}", value => obj[key] = value, errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    EvaluateChild(array[i], $"{path}[{i}]", value => array[index] = value, errors);
                }

                break;
        }
    }

    /// <summary>How many script values were replaced so far.</summary>
    public int Replaced { get; private set; }

    /// <summary>A value evaluated: a script value's result, or the value itself with every script value under it replaced.</summary>
    public JsonNode? EvaluateValue(JsonNode? node, string path, List<(string Path, string Message)> errors)
    {
        var result = node;
        EvaluateChild(node, path, value => result = value, errors);
        return result;
    }

    /// <summary>A script value is replaced by its result; anything else is searched for script values.</summary>
    private void EvaluateChild(JsonNode? child, string path, Action<JsonNode?> replace, List<(string Path, string Message)> errors)
    {
        if (child is JsonValue value && IsScript(value, out var script))
        {
            Replaced++;
            replace(Evaluate(script, path, errors));
        }
        else if (child is not null)
        {
            EvaluateAll(child, path, errors);
        }
    }

    private static bool IsScript(JsonValue value, out string script)
    {
        script = "";
        if (!value.TryGetValue<string>(out var text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 2 && trimmed[0] == '[' && trimmed[^1] == ']'
            && (trimmed.StartsWith("[js:", StringComparison.Ordinal) || trimmed.StartsWith("[file:", StringComparison.Ordinal)))
        {
            script = trimmed;
            return true;
        }

        return false;
    }

    private JsonNode? Evaluate(string script, string path, List<(string Path, string Message)> errors)
    {
        var match = ScriptPattern().Match(script);
        if (!match.Success)
        {
            errors.Add((path, $"'{script}' is not a script value this site evaluates; use uuid(), variables('name'), parameters('name') or configuration('key', 'default')."));
            return null;
        }

        var function = match.Groups["fn"].Value;
        var argument = match.Groups["a1"].Success ? match.Groups["a1"].Value : null;
        var fallback = match.Groups["a2"].Success ? match.Groups["a2"].Value : null;
        switch (function)
        {
            case "uuid" when argument is null:
                return IdGenerator.NewId();
            case "variables" when argument is not null && fallback is null:
                return Variable(argument, path, errors);
            case "parameters" when argument is not null && fallback is null:
                if (parameters.TryGetValue(argument, out var parameter))
                {
                    return parameter;
                }

                errors.Add((path, $"The recipe uses parameter '{argument}', which was not given."));
                return null;
            case "configuration" when argument is not null:
                if (!argument.StartsWith(ConfigurationSection + ":", StringComparison.OrdinalIgnoreCase) || argument.Length == ConfigurationSection.Length + 1)
                {
                    errors.Add((path, $"configuration('{argument}'): a recipe may read only configuration keys under '{ConfigurationSection}:', "
                        + $"e.g. configuration('{ConfigurationSection}:SiteName') set as {ConfigurationSection}__SiteName; '{argument}' is not one."));
                    return null;
                }

                return configuration[argument] ?? fallback;
            default:
                errors.Add((path, $"'{script}' calls {function}() with the wrong arguments."));
                return null;
        }
    }

    private JsonNode? Variable(string name, string path, List<(string Path, string Message)> errors)
    {
        if (_evaluatedVariables.TryGetValue(name, out var known))
        {
            return Spend(known.Size, name, path, errors) ? known.Value?.DeepClone() : null;
        }

        if (variables?[name] is not { } raw)
        {
            errors.Add((path, $"The recipe has no variable '{name}'."));
            return null;
        }

        if (!_evaluating.Add(name))
        {
            errors.Add((path, $"Variable '{name}' refers to itself."));
            return null;
        }

        if (_evaluating.Count > MaxVariableDepth)
        {
            _evaluating.Remove(name);
            errors.Add((path, $"Variable '{name}' is reached through more than {MaxVariableDepth} variables that refer to each other."));
            return null;
        }

        var value = raw.DeepClone();
        if (value is JsonValue scalar && IsScript(scalar, out var script))
        {
            value = Evaluate(script, $"$.variables.{name}", errors);
        }
        else
        {
            EvaluateAll(value, $"$.variables.{name}", errors);
        }

        _evaluating.Remove(name);
        var size = value?.ToJsonString().Length ?? 4;
        _evaluatedVariables[name] = (value, size);
        return Spend(size, name, path, errors) ? value?.DeepClone() : null;
    }

    /// <summary>Counts a variable's value against the recipe's expansion budget; false (with one error) once it is spent.</summary>
    private bool Spend(int size, string name, string path, List<(string Path, string Message)> errors)
    {
        _expanded += size;
        if (_expanded <= MaxExpandedSize)
        {
            return true;
        }

        if (!_overBudget)
        {
            _overBudget = true;
            errors.Add((path, $"Variable '{name}' makes the recipe expand past {MaxExpandedSize:N0} characters; "
                + "variables that refer to each other may not multiply the recipe like this."));
        }

        return false;
    }

    [GeneratedRegex("""^\[js:\s*(?<fn>[A-Za-z]+)\(\s*(?:(?<q1>['"])(?<a1>[^'"]*)\k<q1>\s*(?:,\s*(?<q2>['"])(?<a2>[^'"]*)\k<q2>\s*)?)?\)\s*;?\s*\]$""")]
    private static partial Regex ScriptPattern();
}
