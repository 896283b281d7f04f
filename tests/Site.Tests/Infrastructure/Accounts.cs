using System.Net;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Site.Tests.Infrastructure;

/// <summary>Real users through Identity, signed in through the real sign-in form.</summary>
public static class Accounts
{
    public const string Password = "a-perfectly-long-password";

    /// <summary>Creates the user (once) with the given roles; returns the user's id.</summary>
    public static Task<string> EnsureUserAsync(SiteFactory site, string userName, params string[] roles) => site.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new CmsUser { UserName = userName, Email = $"{userName}@example.org", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            foreach (var role in roles)
            {
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }

        return user.Id;
    });

    /// <summary>A client signed in as the user, by posting the sign-in form as a browser would.</summary>
    public static async Task<HttpClient> SignedInClientAsync(SiteFactory site, string userName, string password = Password)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string url = "/login")
    {
        var (_, page) = await Html.GetAsync(client, url);
        var form = page.QuerySelectorAll("form").First(f => f.QuerySelector("input[type=password]") is not null);
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type") ?? "text";
            values[name] = type switch
            {
                "password" => password,
                "text" or "email" => userName,
                "checkbox" => "false",
                _ => input.GetAttribute("value") ?? "",
            };
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts a form as a browser would from the page at <paramref name="pageUrl"/>: with the hidden fields
    /// of the page's form for <paramref name="postUrl"/> (antiforgery token, edited version) and the given fields.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, IDictionary<string, string> fields)
    {
        var (_, page) = await Html.GetAsync(client, pageUrl);
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.AntiforgeryToken(page) };
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == postUrl);
        foreach (var hidden in form?.QuerySelectorAll("input[type=hidden][name]") ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
        {
            values[hidden.GetAttribute("name")!] = hidden.GetAttribute("value") ?? "";
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }
}
