using System.Text.Json.Nodes;
using Cms.Security;

namespace Cms.Recipes.Steps;

/// <summary>
/// "Roles": { "Roles": [ { Name, Description, Permissions, PermissionBehavior } ] }.
/// PermissionBehavior is Replace (the default), Add or Remove. Administrator holds everything and
/// is never given permissions.
/// </summary>
public sealed class RolesStep(IRoleStore roles) : IRecipeStepHandler
{
    private static readonly string[] s_behaviors = ["Replace", "Add", "Remove"];

    public string Name => "Roles";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var list = StepJson.Array(step.Data, "Roles", "", context, required: true);
        var known = context.KnownPermissions();
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var path = $"Roles[{i}]";
            if (list[i] is not JsonObject role)
            {
                context.Error(path, $"A role must be an object, not {StepJson.Describe(list[i])}.");
                continue;
            }

            var name = StepJson.String(role, "Name", path, context, required: true);
            if (name is { Length: > 256 })
            {
                context.Error($"{path}.Name", "A role name has at most 256 characters.");
            }

            StepJson.String(role, "Description", path, context);
            var behavior = StepJson.String(role, "PermissionBehavior", path, context);
            if (behavior is not null && !s_behaviors.Contains(behavior, StringComparer.OrdinalIgnoreCase))
            {
                context.Error($"{path}.PermissionBehavior", $"'{behavior}' is not a permission behavior; use Replace, Add or Remove.");
            }

            var permissions = StepJson.Array(role, "Permissions", path, context);
            if (permissions is null)
            {
                continue;
            }

            var names = StepJson.Strings(permissions, $"{path}.Permissions", context);
            for (var p = 0; p < names.Count; p++)
            {
                if (!known.Contains(names[p]))
                {
                    context.Error($"{path}.Permissions[{p}]", $"There is no permission '{names[p]}' among the enabled features'.");
                }
            }
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        foreach (var role in ((JsonArray)StepJson.Find(step.Data, "Roles")!).Cast<JsonObject>())
        {
            var name = StepJsonReader.String(role, "Name")!;
            var description = StepJsonReader.String(role, "Description");
            var permissions = StepJsonReader.Strings(role, "Permissions");
            var key = "role:" + name.ToUpperInvariant();
            var before = context.FirstSeen(key, await FindAsync(name));
            switch (StepJsonReader.String(role, "PermissionBehavior")?.ToUpperInvariant())
            {
                case "ADD":
                    await roles.AddPermissionsAsync(name, permissions, description);
                    break;
                case "REMOVE":
                    await roles.AddPermissionsAsync(name, [], description);
                    await roles.RemovePermissionsAsync(name, permissions);
                    break;
                default:
                    await roles.ReplacePermissionsAsync(name, permissions, description);
                    break;
            }

            context.Report(key, Describe(before, (await FindAsync(name))!));
        }
    }

    private async Task<RoleInfo?> FindAsync(string name)
        => (await roles.ListAsync()).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>"role created: Member (+1 permission)", "role updated: Editor (+2 permissions, -1 permission)", or null when nothing changed.</summary>
    private static string? Describe(RoleInfo? before, RoleInfo after)
    {
        var added = after.Permissions.Except(before?.Permissions ?? []).Count();
        var removed = (before?.Permissions ?? []).Except(after.Permissions).Count();
        var details = new List<string>();
        if (added > 0)
        {
            details.Add($"+{Count(added)}");
        }

        if (removed > 0)
        {
            details.Add($"-{Count(removed)}");
        }

        if (before is not null && before.Description != after.Description)
        {
            details.Add("description");
        }

        var suffix = details.Count > 0 ? $" ({string.Join(", ", details)})" : "";
        return before is null ? $"role created: {after.Name}{suffix}" : details.Count > 0 ? $"role updated: {after.Name}{suffix}" : null;
    }

    private static string Count(int n) => n == 1 ? "1 permission" : $"{n} permissions";
}
