using System.Net;
using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;
using static Site.Tests.Modules.Comments.Members;

namespace Site.Tests.Security;

/// <summary>
/// Issue 10, point 7: the comment rate limit and an invitation's single use hold under real parallel
/// requests, on SQLite and (CMS_TEST_DATABASE=Postgres) PostgreSQL: check and write are one transaction
/// the database serialises.
/// </summary>
public sealed class RaceTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Fact]
    public async Task TwentyParallelPosts_ByOneMember_StoreExactlyOne()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site, "racer");
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            member.PostAsync($"/comments/{post.Id}", Form(("Text", $"Parallel comment {i}."), ("__RequestVerificationToken", token))))));

        Assert.Single(await CommentsOnAsync(site, post));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task TenParallelAcceptances_OfOneInvitation_MakeExactlyOneMember()
    {
        await site.SettingsAsync();
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var address = NewName("sought") + "@example.org";
        await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", address));
        var link = InvitationLink(site, address);
        var names = Enumerable.Range(0, 10).Select(_ => NewName("taker")).ToList();
        var forms = new List<(HttpClient Client, string Token)>();
        foreach (var _ in names)
        {
            var reader = site.CreateReader();
            forms.Add((reader, Html.AntiforgeryToken((await Html.GetAsync(reader, link.PathAndQuery)).Document)));
        }

        var responses = await Task.WhenAll(names.Select((name, i) => Task.Run(() => forms[i].Client.PostAsync("/members/invitation", Form(
            ("Token", Token(link)), ("UserName", name), ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password),
            ("__RequestVerificationToken", forms[i].Token))))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var made = await site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var found = new List<string>();
            foreach (var name in names)
            {
                if (await users.FindByNameAsync(name) is { } user)
                {
                    Assert.True(await users.IsInRoleAsync(user, StandardRoles.Member));
                    found.Add(user.Id);
                }
            }

            return found;
        });
        var invitation = await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<Invitation>().AsNoTracking().SingleAsync(i => i.Email == address));
        Assert.Equal(invitation.AcceptedUserId, Assert.Single(made));
    }
}
