using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Modules.Users.ViewModels;

namespace Modules.Users.Services;

/// <summary>The users admin's reads and its writes that must be one transaction (a user with roles, a change of roles).</summary>
public sealed class UserAccounts(CmsDbContext db, UserManager<CmsUser> users, TimeProvider clock)
{
    /// <summary>One page of users whose name or e-mail contains <paramref name="search"/> (any case), with their roles: three queries.</summary>
    public async Task<UserListViewModel> PageAsync(string search, int page, int pageSize)
    {
        var query = db.Users.AsNoTracking();
        if (search.Length > 0)
        {
            // Identity's normalized columns are upper case, so matching them is case-insensitive on every database.
            var normalized = search.Normalize().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.NormalizedEmail!.Contains(normalized));
        }

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var found = await query.OrderBy(u => u.NormalizedUserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from link in db.UserRoles.AsNoTracking()
                           join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                           where ids.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        var rows = found.Select(u => new UserRow(
            u.Id,
            u.UserName ?? "",
            u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.OrdinalIgnoreCase).ToList(),
            u.IsEnabled,
            u.LockoutEnd > now)).ToList();
        return new UserListViewModel { Users = rows, Query = search, Page = page, PageCount = pageCount, Total = total };
    }

    /// <summary>Creates the user with the roles; returns Identity's errors, and then nothing is kept.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(CmsUser user, string password, IReadOnlyCollection<string> roles)
    {
        try
        {
            await db.InTransactionAsync(async () =>
            {
                var created = await users.CreateAsync(user, password);
                var added = created.Succeeded && roles.Count > 0 ? await users.AddToRolesAsync(user, roles) : created;
                var failed = created.Errors.Concat(added.Errors).Select(e => e.Description).Distinct().ToList();

                // Throwing rolls the transaction back, so a half-made user is never kept.
                return failed.Count == 0 ? true : throw new UserNotCreatedException(failed);
            });
            return [];
        }
        catch (UserNotCreatedException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>Takes the roles away and gives the others, in one transaction.</summary>
    public Task ChangeRolesAsync(CmsUser user, IReadOnlyCollection<string> removing, IReadOnlyCollection<string> adding) => db.InTransactionAsync(async () =>
    {
        if (removing.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, removing);
        }

        if (adding.Count > 0)
        {
            await users.AddToRolesAsync(user, adding);
        }

        return true;
    });

    private sealed class UserNotCreatedException(IReadOnlyList<string> errors) : Exception("The user was not created.")
    {
        public IReadOnlyList<string> Errors { get; } = errors;
    }
}
