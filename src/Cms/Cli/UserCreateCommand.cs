using System.CommandLine;
using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>users create NAME --email E --password P [--role R]...</c>: the user and their roles, or nothing.</summary>
public static class UserCreateCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The user name." };
        var email = new Option<string>("--email") { Description = "The user's e-mail address.", Required = true };
        var password = new Option<string>("--password") { Description = "At least 12 characters.", Required = true };
        var roles = new Option<string[]>("--role") { Description = "A role to give the user; repeat for more." };
        var command = new Command("create", "Creates a user. Example: users create editor1 --email editor1@example.com --password 'a long pass phrase' --role Editor")
        {
            name, email, password, roles,
        };
        command.SetAction(async parsed =>
        {
            using var site = await context.OpenSiteAsync();
            if (site is null)
            {
                return CliExit.Environment;
            }

            var services = site.ServiceProvider;
            var roleNames = parsed.GetValue(roles) ?? [];
            var known = (await services.GetRequiredService<IRoleStore>().ListAsync()).Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = roleNames.Where(r => !known.Contains(r)).ToList();
            if (unknown.Count > 0)
            {
                return context.Fail(CliExit.InvalidInput, $"there is no role {string.Join(", ", unknown.Select(r => $"'{r}'"))}; roles: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }

            var users = services.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser
            {
                UserName = parsed.GetValue(name),
                Email = parsed.GetValue(email),
                EmailConfirmed = true,
                CreatedUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            var problems = new List<string>();
            try
            {
                await services.GetRequiredService<CmsDbContext>().InTransactionAsync(async () =>
                {
                    var created = await users.CreateAsync(user, parsed.GetValue(password)!);
                    var added = created.Succeeded && roleNames.Length > 0 ? await users.AddToRolesAsync(user, roleNames) : created;

                    // Identity reports problems as results; throwing rolls the user back with the roles.
                    return added.Succeeded ? true : throw new UserNotCreatedException(added.Errors.Select(e => e.Description).ToList());
                });
            }
            catch (UserNotCreatedException ex)
            {
                problems = ex.Errors;
            }

            if (problems.Count > 0)
            {
                return context.Fail(CliExit.InvalidInput, $"the user was not created: {string.Join(" ", problems)}");
            }

            var with = roleNames.Length > 0 ? $" with role(s) {string.Join(", ", roleNames)}" : "";
            await context.Out.WriteLineAsync($"user created: {user.UserName} <{user.Email}>{with}");
            return CliExit.Ok;
        });
        return command;
    }

    private sealed class UserNotCreatedException(List<string> errors) : Exception("The user was not created.")
    {
        public List<string> Errors { get; } = errors;
    }
}
