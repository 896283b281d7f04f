using System.Net;
using Cms.Recipes;
using Cms.Security;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Users;

/// <summary>The roles admin: create, tick permissions by feature, delete; and who may use it.</summary>
public sealed class RolesAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TickedPermissions_AreWhatTheRoleStoreLists_AndWhatTheRolesStepWouldStore()
    {
        var admin = await Browser.AdminAsync(site);
        var name = Browser.NewName("Reviewers");

        var created = await Browser.SubmitAsync(admin, "/admin/roles/new", "/admin/roles/new", ("Name", name), ("Description", "Reads drafts"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = $"/admin/roles/{name}/edit";
        Assert.Equal(edit, created.Headers.Location!.OriginalString);
        var (_, page) = await Html.GetAsync(admin, edit);
        var legends = page.QuerySelectorAll("legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Contents", legends);
        Assert.Contains("Contents: News Commentary", legends);
        Assert.Contains("Email", legends);
        Assert.Contains("Users", legends);
        Assert.NotNull(page.QuerySelector("input[name=Permissions][value=Edit_NewsCommentary]"));

        string[] ticked = ["AccessAdminPanel", "ListContent", "PreviewContent", "Edit_NewsCommentary"];
        var saved = await Browser.SubmitAsync(admin, edit, edit,
            [("Description", "Reads drafts"), .. ticked.Select(p => ("Permissions", p))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var role = await RoleAsync(name);
        Assert.Equal(ticked.Order(StringComparer.Ordinal), role.Permissions);
        Assert.Equal("Reads drafts", role.Description);
        var (_, again) = await Html.GetAsync(admin, edit);
        Assert.Equal(ticked.Order(StringComparer.Ordinal), again.QuerySelectorAll("input[name=Permissions][checked]").Select(i => i.GetAttribute("value")!).Order(StringComparer.Ordinal));

        // The Roles recipe step, given the same role, finds nothing to change.
        var before = await DatabaseFingerprint.TakeAsync(site);
        var recipe = $$"""
            { "name": "same-role", "steps": [ { "name": "Roles", "Roles": [
                { "Name": "{{name}}", "Description": "Reads drafts", "PermissionBehavior": "Replace",
                  "Permissions": [ {{string.Join(", ", ticked.Reverse().Select(p => $"\"{p}\""))}} ] } ] } ] }
            """;
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task BadInput_IsNamed_AndWritesNothing()
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var badName = await Browser.SubmitAsync(admin, "/admin/roles/new", "/admin/roles/new", ("Name", "no/slashes"));
        var taken = await Browser.SubmitAsync(admin, "/admin/roles/new", "/admin/roles/new", ("Name", "editor"));
        var unknown = await Browser.SubmitAsync(admin, "/admin/roles/Author/edit", "/admin/roles/Author/edit", ("Permissions", "NoSuchPermission"));
        var standard = await Browser.SubmitAsync(admin, "/admin/roles/Editor/edit", "/admin/roles/Editor/delete");

        Assert.Contains("letters, digits", Browser.ErrorFor(await Browser.PageAsync(badName), "Name"));
        Assert.Contains("already a role", Browser.ErrorFor(await Browser.PageAsync(taken), "Name"));
        Assert.Contains("NoSuchPermission", Browser.ErrorFor(await Browser.PageAsync(unknown), "Permissions"));
        Assert.Equal(HttpStatusCode.Redirect, standard.StatusCode);
        Assert.Contains("cannot be deleted", await admin.GetStringAsync(standard.Headers.Location!.OriginalString));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Administrator_HasNothingToTick_AndCustomRolesCanBeDeleted()
    {
        var admin = await Browser.AdminAsync(site);
        var (_, page) = await Html.GetAsync(admin, "/admin/roles/Administrator/edit");
        Assert.Empty(page.QuerySelectorAll("input[name=Permissions]"));
        Assert.Null(page.QuerySelector("form[action$='/delete']"));

        var name = Browser.NewName("Temporary");
        await Browser.SubmitAsync(admin, "/admin/roles/new", "/admin/roles/new", ("Name", name));
        var deleted = await Browser.SubmitAsync(admin, $"/admin/roles/{name}/edit", $"/admin/roles/{name}/delete");

        Assert.Equal("/admin/roles", deleted.Headers.Location!.OriginalString);
        Assert.DoesNotContain(await ListAsync(), r => r.Name == name);
        var list = await admin.GetStringAsync("/admin/roles");
        Assert.Contains("deleted", list);
        Assert.Contains("Contributor", list);
    }

    [Fact]
    public async Task RolesPages_Answer403ToNonAdmins_AndSendVisitorsToSignIn_WritingNothing()
    {
        var editorName = Browser.NewName("editor");
        await Browser.CreateUserAsync(site, editorName, "an editor pass phrase", StandardRoles.Editor);
        var editor = await Browser.SignedInAsync(site, editorName, "an editor pass phrase");
        var before = await DatabaseFingerprint.TakeAsync(site);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/roles/Author/edit")).StatusCode);
        var post = await Browser.SubmitAsync(editor, "/account/password", "/admin/roles/new", ("Name", "Sneaky"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("You may not do that", await post.Content.ReadAsStringAsync());
        var delete = await Browser.SubmitAsync(editor, "/account/password", "/admin/roles/Author/delete");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        var visitor = await site.CreateReader().GetAsync("/admin/roles");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fadmin%2Froles", visitor.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private Task<IReadOnlyList<RoleInfo>> ListAsync() => site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().ListAsync());

    private async Task<RoleInfo> RoleAsync(string name) => (await ListAsync()).Single(r => r.Name == name);
}
