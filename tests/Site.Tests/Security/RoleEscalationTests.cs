using System.Net;
using Cms.Content;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Security;

/// <summary>
/// Issue 10, point 2: whoever gives or takes a role must hold every permission it grants, and nobody
/// changes their own roles; whoever edits a role's permissions hands on only what they hold.
/// </summary>
public sealed class RoleEscalationTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Password = "a-perfectly-long-password";

    [Fact]
    public async Task UserManager_TickingEditorOnTheirOwnAccount_IsRefused_ChangesNothing_AndCannotUnpublishTheAdministratorsPost()
    {
        var (client, self) = await UserManagerAsync();
        var edit = $"/admin/users/{self.Id}/edit";
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Browser.SubmitAsync(client, edit, edit, ("Roles", UserAdmins), ("Roles", StandardRoles.Editor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You cannot change your own roles; another user who manages users can.", Browser.ErrorFor(await Browser.PageAsync(response), "Roles"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        var again = await Browser.SignedInAsync(site, self.UserName!, Password);
        var seed = await site.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync(await SeedIdAsync(sp)))!.ContentItemId);
        var unpublish = await Browser.SubmitAsync(again, "/admin", $"/admin/contents/{seed}/unpublish");
        Assert.Equal(HttpStatusCode.Forbidden, unpublish.StatusCode);
        Assert.NotNull(await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(seed)));
    }

    [Fact]
    public async Task UserManager_GivingOrTakingARoleWithPermissionsTheyLack_IsRefused_OnEditAndCreate()
    {
        var (client, _) = await UserManagerAsync();
        var other = await Browser.CreateUserAsync(site, Browser.NewName("reader"), Password);
        var editor = await Browser.CreateUserAsync(site, Browser.NewName("editor"), Password, StandardRoles.Editor);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var give = await Browser.SubmitAsync(client, $"/admin/users/{other.Id}/edit", $"/admin/users/{other.Id}/edit", ("Roles", StandardRoles.Editor));
        var take = await Browser.SubmitAsync(client, $"/admin/users/{editor.Id}/edit", $"/admin/users/{editor.Id}/edit");
        var create = await Browser.SubmitAsync(client, "/admin/users/new", "/admin/users/new",
            ("UserName", Browser.NewName("made")), ("Email", $"{Guid.NewGuid():N}@example.org"), ("Password", Password), ("Roles", StandardRoles.Editor));

        foreach (var response in new[] { give, take, create })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("You may not give or take away the role 'Editor': it grants '", Browser.ErrorFor(await Browser.PageAsync(response), "Roles"), StringComparison.Ordinal);
        }

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task UserManager_MayGiveARole_WhosePermissionsTheyHold()
    {
        var (client, _) = await UserManagerAsync(also: ["ViewContent"]);
        await site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().ReplacePermissionsAsync("Readers", ["ViewContent"], "Reads"));
        var other = await Browser.CreateUserAsync(site, Browser.NewName("reader"), Password);

        var give = await Browser.SubmitAsync(client, $"/admin/users/{other.Id}/edit", $"/admin/users/{other.Id}/edit", ("Roles", "Readers"));

        Assert.Equal(HttpStatusCode.Redirect, give.StatusCode);
        Assert.Equal(["Readers"], await RolesOfAsync(other.Id));
    }

    [Fact]
    public async Task RoleManager_AddingAPermissionTheyLackToTheirOwnRole_IsRefused_AndChangesNothing()
    {
        var role = Browser.NewName("RoleAdmins");
        await site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().ReplacePermissionsAsync(role, ["AccessAdminPanel", "ManageRoles"], "Edits roles"));
        var user = await Browser.CreateUserAsync(site, Browser.NewName("rolemgr"), Password, role);
        var client = await Browser.SignedInAsync(site, user.UserName!, Password);
        var edit = $"/admin/roles/{role}/edit";
        var before = await DatabaseFingerprint.TakeAsync(site);

        var raise = await Browser.SubmitAsync(client, edit, edit, ("Description", "Edits roles"),
            ("Permissions", "AccessAdminPanel"), ("Permissions", "ManageRoles"), ("Permissions", "PublishContent"));
        var lowerEditor = await Browser.SubmitAsync(client, "/admin/roles/Editor/edit", "/admin/roles/Editor/edit", ("Description", "Nothing left"));

        Assert.Equal("You may not give or take away 'PublishContent': you do not hold it yourself.", Browser.ErrorFor(await Browser.PageAsync(raise), "Permissions"));
        Assert.StartsWith("You may not give or take away '", Browser.ErrorFor(await Browser.PageAsync(lowerEditor), "Permissions"), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private const string UserAdmins = "UserAdmins";

    /// <summary>A user whose one role grants AccessAdminPanel and ManageUsers (and <paramref name="also"/>), signed in.</summary>
    private async Task<(HttpClient Client, CmsUser User)> UserManagerAsync(string[]? also = null)
    {
        await site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().ReplacePermissionsAsync(UserAdmins, ["AccessAdminPanel", "ManageUsers", .. also ?? []], "Manage users"));
        var user = await Browser.CreateUserAsync(site, Browser.NewName("usermgr"), Password, UserAdmins);
        return (await Browser.SignedInAsync(site, user.UserName!, Password), user);
    }

    private Task<List<string>> RolesOfAsync(string id) => site.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        return (await users.GetRolesAsync((await users.FindByIdAsync(id))!)).ToList();
    });

    private static async Task<string> SeedIdAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<Cms.Data.CmsDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.ContentItems.Where(r => r.Published && r.DisplayText == "Sochi Meeting").Select(r => r.ContentItemId));
    }
}
