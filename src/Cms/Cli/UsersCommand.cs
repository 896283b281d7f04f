using System.CommandLine;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>users create | list | add-role NAME ROLE | remove-role NAME ROLE</c>, through ASP.NET Core Identity.</summary>
public static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("users", "Creates and lists users and changes their roles.");
        command.Subcommands.Add(UserCreateCommand.Create(context));
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateRoleChange(context, "add-role", "Gives a user a role. Example: users add-role editor1 Editor"));
        command.Subcommands.Add(CreateRoleChange(context, "remove-role", "Takes a role from a user. Example: users remove-role editor1 Editor"));
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var command = new Command("list", "Lists the users with their e-mail and roles. Example: users list");
        command.SetAction(async _ =>
        {
            using var site = await context.OpenSiteAsync();
            if (site is null)
            {
                return CliExit.Environment;
            }

            var users = site.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
            {
                var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal);
                var state = user.IsEnabled ? "" : " (disabled)";
                await context.Out.WriteLineAsync($"{user.UserName} <{user.Email}>{state}: {string.Join(", ", roles)}");
            }

            return CliExit.Ok;
        });
        return command;
    }

    private static Command CreateRoleChange(CliContext context, string verb, string description)
    {
        var name = new Argument<string>("NAME") { Description = "The user name." };
        var role = new Argument<string>("ROLE") { Description = "The role, e.g. Editor." };
        var command = new Command(verb, description) { name, role };
        command.SetAction(async parsed =>
        {
            using var site = await context.OpenSiteAsync();
            if (site is null)
            {
                return CliExit.Environment;
            }

            var users = site.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var user = await users.FindByNameAsync(parsed.GetValue(name)!);
            if (user is null)
            {
                return context.Fail(CliExit.InvalidInput, $"there is no user '{parsed.GetValue(name)}'.");
            }

            var roles = await site.ServiceProvider.GetRequiredService<IRoleStore>().ListAsync();
            var roleName = roles.FirstOrDefault(r => string.Equals(r.Name, parsed.GetValue(role), StringComparison.OrdinalIgnoreCase))?.Name;
            if (roleName is null)
            {
                return context.Fail(CliExit.InvalidInput, $"there is no role '{parsed.GetValue(role)}'; roles: {string.Join(", ", roles.Select(r => r.Name))}.");
            }

            var adding = verb == "add-role";
            if (adding == await users.IsInRoleAsync(user, roleName))
            {
                await context.Out.WriteLineAsync($"Nothing to change: {user.UserName} {(adding ? "already has" : "does not have")} role {roleName}.");
                return CliExit.Ok;
            }

            if (!adding && roleName == StandardRoles.Administrator && (await users.GetUsersInRoleAsync(roleName)).Count == 1)
            {
                return context.Fail(CliExit.InvalidInput, $"{user.UserName} is the only administrator; give another user the role first.");
            }

            var result = adding ? await users.AddToRoleAsync(user, roleName) : await users.RemoveFromRoleAsync(user, roleName);
            if (!result.Succeeded)
            {
                return context.Fail(CliExit.InvalidInput, string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            await context.Out.WriteLineAsync($"{user.UserName}: role {roleName} {(adding ? "added" : "removed")}.");
            return CliExit.Ok;
        });
        return command;
    }
}
