using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>Who is a member (holds the Member role), and requests to become one.</summary>
public sealed class Membership(UserManager<CmsUser> users, IRoleStore roles, LazyDbContext lazyDb, TimeProvider clock)
{
    private CmsDbContext Db => lazyDb.Context;

    public Task<bool> IsMemberAsync(CmsUser user) => users.IsInRoleAsync(user, StandardRoles.Member);

    /// <summary>Gives the user the Member role (creating the role on a site that lacks it).</summary>
    public async Task GrantAsync(CmsUser user)
    {
        var normalized = StandardRoles.Member.ToUpperInvariant();
        if (!await Db.Roles.AnyAsync(r => r.NormalizedName == normalized))
        {
            await roles.AddPermissionsAsync(StandardRoles.Member, [], "A reader who belongs to this blog");
        }

        if (!await IsMemberAsync(user))
        {
            var added = await users.AddToRoleAsync(user, StandardRoles.Member);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>The user's newest request, whatever became of it.</summary>
    public Task<MembershipRequest?> LatestRequestAsync(string userId)
        => Db.Set<MembershipRequest>().AsNoTracking().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync();

    public async Task<MembershipRequest> FileAsync(CmsUser user, string? message, bool grantAtOnce)
    {
        var text = (message ?? "").Trim();
        var request = new MembershipRequest
        {
            UserId = user.Id,
            UserName = user.UserName ?? "",
            Message = text.Length > MembershipRequest.MessageLength ? text[..MembershipRequest.MessageLength] : text,
            Status = grantAtOnce ? MembershipRequestStatus.Approved : MembershipRequestStatus.Pending,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (grantAtOnce)
        {
            request.DecidedUtc = request.CreatedUtc;
            request.DecidedBy = "(open registration)";
            await GrantAsync(user);
        }

        Db.Set<MembershipRequest>().Add(request);
        await Db.SaveChangesAsync();
        return request;
    }

    /// <summary>Requests with the status, oldest first.</summary>
    public async Task<IReadOnlyList<MembershipRequest>> RequestsAsync(MembershipRequestStatus status, int max)
        => await Db.Set<MembershipRequest>().AsNoTracking().Where(r => r.Status == status)
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).Take(max).ToListAsync();

    /// <summary>The request still waiting for a decision, or null.</summary>
    public Task<MembershipRequest?> FindPendingAsync(long id)
        => Db.Set<MembershipRequest>().FirstOrDefaultAsync(r => r.Id == id && r.Status == MembershipRequestStatus.Pending);

    /// <summary>Approves (the user becomes a member) or declines a pending request, in one transaction.</summary>
    public Task<CmsUser?> DecideAsync(MembershipRequest request, bool approve, string decidedBy) => Db.InTransactionAsync(async () =>
    {
        var user = await users.FindByIdAsync(request.UserId);
        if (approve && user is not null)
        {
            await GrantAsync(user);
        }

        request.Status = approve && user is not null ? MembershipRequestStatus.Approved : MembershipRequestStatus.Declined;
        request.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        request.DecidedBy = decidedBy;
        await Db.SaveChangesAsync();
        return user;
    });
}
