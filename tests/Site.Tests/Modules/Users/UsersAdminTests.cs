using System.Net;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Users;

/// <summary>The users admin: search, paging, create with roles, change roles, disable and enable.</summary>
public sealed class UsersAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Password = "a member pass phrase";

    [Fact]
    public async Task List_SearchesNameAndEmail_InAnyCase_20ToAPage()
    {
        var tag = Browser.NewName("pg");
        for (var i = 0; i < 23; i++)
        {
            await Browser.CreateUserAsync(site, $"{tag}-{i:00}", Password);
        }

        var admin = await Browser.AdminAsync(site);

        var (_, first) = await Html.GetAsync(admin, $"/admin/users?q={tag.ToUpperInvariant()}");
        var (_, second) = await Html.GetAsync(admin, $"/admin/users?q={tag.ToUpperInvariant()}&page=2");
        var (_, byEmail) = await Html.GetAsync(admin, $"/admin/users?q={tag}-07@EXAMPLE.org");

        Assert.Equal(20, first.QuerySelectorAll("table.list tbody tr").Length);
        Assert.Equal($"{tag}-00", first.QuerySelector("table.list tbody tr a")!.TextContent);
        Assert.NotNull(first.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(3, second.QuerySelectorAll("table.list tbody tr").Length);
        Assert.Equal($"{tag}-22", second.QuerySelectorAll("table.list tbody tr a")[^1].TextContent);
        Assert.Equal($"{tag}-07", byEmail.QuerySelector("table.list tbody tr a")!.TextContent);
        Assert.Single(byEmail.QuerySelectorAll("table.list tbody tr"));
    }

    [Fact]
    public async Task CreateUser_WithRoles_ThenChangeRoles_DisableAndEnable()
    {
        var admin = await Browser.AdminAsync(site);
        var name = Browser.NewName("author");

        var created = await Browser.SubmitAsync(admin, "/admin/users/new", "/admin/users/new",
            ("UserName", name), ("Email", $"{name}@example.net"), ("Password", Password), ("Roles", "Author"), ("Roles", "Member"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var user = (await Browser.FindUserAsync(site, name))!;
        Assert.Equal([StandardRoles.Author, StandardRoles.Member], await RolesAsync(user));
        var edit = $"/admin/users/{user.Id}/edit";
        Assert.Equal(edit, created.Headers.Location!.OriginalString);

        var changed = await Browser.SubmitAsync(admin, edit, edit, ("Roles", "Editor"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal([StandardRoles.Editor], await RolesAsync(user));
        Assert.Equal(HttpStatusCode.OK, (await (await Browser.SignedInAsync(site, name, Password)).GetAsync("/admin")).StatusCode);

        var disabled = await Browser.SubmitAsync(admin, edit, $"/admin/users/{user.Id}/disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False((await Browser.FindUserAsync(site, name))!.IsEnabled);
        Assert.NotEqual(user.SecurityStamp, (await Browser.FindUserAsync(site, name))!.SecurityStamp);
        Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(site.CreateReader(), name, Password)).StatusCode);
        Assert.Contains("disabled", await admin.GetStringAsync($"/admin/users?q={name}"));

        var enabled = await Browser.SubmitAsync(admin, edit, $"/admin/users/{user.Id}/enable");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(site.CreateReader(), name, Password)).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsNamedBesideTheField_AndWritesNothing()
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Browser.SubmitAsync(admin, "/admin/users/new", "/admin/users/new",
            ("UserName", "bad name!"), ("Email", "not-an-email"), ("Password", "elevenchars"), ("Roles", "NoSuchRole"));
        var duplicate = await Browser.SubmitAsync(admin, "/admin/users/new", "/admin/users/new",
            ("UserName", "ADMIN"), ("Email", "admin@example.com"), ("Password", Password));

        var page = await Browser.PageAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("letters, digits", Browser.ErrorFor(page, "UserName"));
        Assert.Contains("e-mail", Browser.ErrorFor(page, "Email"));
        Assert.Contains("12 characters", Browser.ErrorFor(page, "Password"));
        Assert.Contains("NoSuchRole", Browser.ErrorFor(page, "Roles"));
        var again = await Browser.PageAsync(duplicate);
        Assert.Contains("already a user", Browser.ErrorFor(again, "UserName"));
        Assert.Contains("Another user", Browser.ErrorFor(again, "Email"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Admin_CannotDisableThemselves_NorDropTheirOwnAdministratorRole()
    {
        var admin = await Browser.AdminAsync(site);
        var self = (await Browser.FindUserAsync(site, SiteFactory.AdminUserName))!;
        var edit = $"/admin/users/{self.Id}/edit";
        var before = await DatabaseFingerprint.TakeAsync(site);

        var disable = await Browser.SubmitAsync(admin, edit, $"/admin/users/{self.Id}/disable");
        Assert.Contains("cannot disable your own account", await admin.GetStringAsync(disable.Headers.Location!.OriginalString));
        var demote = await Browser.SubmitAsync(admin, edit, edit, ("Roles", "Editor"));

        Assert.Contains("Administrator role away from yourself", Browser.ErrorFor(await Browser.PageAsync(demote), "Roles"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task UsersPages_Answer403ToNonAdmins_AndSendVisitorsToSignIn_WritingNothing()
    {
        var editorName = Browser.NewName("editor");
        var memberName = Browser.NewName("member");
        await Browser.CreateUserAsync(site, editorName, Password, StandardRoles.Editor);
        var member = await Browser.CreateUserAsync(site, memberName, Password, StandardRoles.Member);
        var editor = await Browser.SignedInAsync(site, editorName, Password);
        var memberClient = await Browser.SignedInAsync(site, memberName, Password);
        var before = await DatabaseFingerprint.TakeAsync(site);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync("/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.SubmitAsync(editor, "/account/password", "/admin/users/new",
            ("UserName", "sneaky"), ("Email", "sneaky@example.org"), ("Password", Password), ("Roles", "Administrator"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.SubmitAsync(editor, "/account/password", $"/admin/users/{member.Id}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.SubmitAsync(memberClient, "/account/password", $"/admin/users/{member.Id}/edit", ("Roles", "Administrator"))).StatusCode);

        var visitor = await site.CreateReader().GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fadmin%2Fusers", visitor.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private Task<IReadOnlyList<string>> RolesAsync(CmsUser user) => site.InScopeAsync<IReadOnlyList<string>>(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        return (await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!)).Order(StringComparer.Ordinal).ToList();
    });
}
