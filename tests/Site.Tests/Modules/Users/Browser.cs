using System.Net;
using AngleSharp.Dom;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Users;

/// <summary>What a person does in a browser: open a form, fill it in with the page's antiforgery token, post it.</summary>
public static class Browser
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string formPage, string action, params (string Name, string Value)[] fields)
    {
        var (_, page) = await Html.GetAsync(client, formPage);
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
        => SubmitAsync(client, "/login", "/login", ("UserName", userName), ("Password", password), ("ReturnUrl", returnUrl ?? ""));

    /// <summary>A new client, signed in; fails the test when sign-in does not succeed.</summary>
    public static async Task<HttpClient> SignedInAsync(SiteFactory site, string userName, string password)
    {
        var client = site.CreateReader();
        var response = await SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Task<HttpClient> AdminAsync(SiteFactory site) => SignedInAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);

    public static async Task<IDocument> PageAsync(HttpResponseMessage response) => Html.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The message shown beside a field (or "" when there is none).</summary>
    public static string ErrorFor(IDocument page, string field)
        => page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>The message about the whole form.</summary>
    public static string Summary(IDocument page)
        => page.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";

    /// <summary>A user made directly in the store, for tests that need one to exist.</summary>
    public static Task<CmsUser> CreateUserAsync(SiteFactory site, string userName, string password, params string[] roles)
        => site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = userName, Email = $"{userName}@example.org", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            if (roles.Length > 0)
            {
                Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            }

            return user;
        });

    public static Task<CmsUser?> FindUserAsync(SiteFactory site, string userName)
        => site.InScopeAsync(sp => sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName));

    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
