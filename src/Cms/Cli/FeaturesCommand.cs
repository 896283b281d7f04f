using System.CommandLine;
using Cms.Modules;
using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>features list | enable ID... | disable ID...</c>.</summary>
public static class FeaturesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("features", "Lists, enables and disables features.");
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateChange(context, "enable", "Enables features and the features they need. Example: features enable Recipes"));
        command.Subcommands.Add(CreateChange(context, "disable", "Disables features; refused while an enabled feature needs one. Example: features disable Recipes"));
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var command = new Command("list", "Lists every feature of this build: [x] when enabled. Example: features list");
        command.SetAction(async _ =>
        {
            using var site = await context.OpenSiteAsync();
            if (site is null)
            {
                return CliExit.Environment;
            }

            var enabled = await site.ServiceProvider.GetRequiredService<IFeatureManager>().GetEnabledAsync();
            foreach (var feature in context.Services.GetRequiredService<ModuleCatalog>().Features)
            {
                var needs = feature.Dependencies.Count > 0 ? $" (needs {string.Join(", ", feature.Dependencies)})" : "";
                var always = feature.AlwaysEnabled ? " (always on)" : "";
                await context.Out.WriteLineAsync($"[{(enabled.Contains(feature.Id) ? "x" : " ")}] {feature.Id}{always}{needs}: {feature.Description}");
            }

            return CliExit.Ok;
        });
        return command;
    }

    private static Command CreateChange(CliContext context, string verb, string description)
    {
        var ids = new Argument<string[]>("ID") { Description = "Feature ids (this site's, or Orchard Core's such as OrchardCore.Markdown).", Arity = ArgumentArity.OneOrMore };
        var command = new Command(verb, description) { ids };
        command.SetAction(async parsed =>
        {
            using var site = await context.OpenSiteAsync(migrate: true);
            if (site is null)
            {
                return CliExit.Environment;
            }

            var catalog = context.Services.GetRequiredService<ModuleCatalog>();
            var requested = parsed.GetValue(ids)!;
            var unknown = requested.Where(id => OrchardFeatureAliases.Resolve(catalog, id) is null).ToList();
            if (unknown.Count > 0)
            {
                return context.Fail(CliExit.InvalidInput, string.Join(" ", unknown.Select(OrchardFeatureAliases.Unknown)));
            }

            var resolved = requested.Select(id => OrchardFeatureAliases.Resolve(catalog, id)!.Id).ToList();
            var manager = site.ServiceProvider.GetRequiredService<IFeatureManager>();
            var result = verb == "enable" ? await manager.EnableAsync(resolved) : await manager.DisableAsync(resolved);
            if (!result.Succeeded)
            {
                return context.Fail(CliExit.InvalidInput, result.Error!);
            }

            if (result.Changed.Count == 0)
            {
                await context.Out.WriteLineAsync($"Nothing to {verb}: {string.Join(", ", resolved)} already {verb}d.");
            }

            foreach (var id in result.Changed)
            {
                await context.Out.WriteLineAsync($"feature {verb}d: {id}");
            }

            return CliExit.Ok;
        });
        return command;
    }
}
