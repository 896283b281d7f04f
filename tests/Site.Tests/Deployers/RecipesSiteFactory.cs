using Cms.Recipes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>The site with a recipes folder of the tests' own (see <see cref="TestRecipes"/>), and clients signed in through the real sign-in form.</summary>
public sealed class RecipesSiteFactory : SiteFactory
{
    public RecipesSiteFactory()
    {
        RecipesFolder = Path.Combine(AppData, "test-recipes");
        Directory.CreateDirectory(RecipesFolder);
        foreach (var (file, json) in TestRecipes.Files)
        {
            File.WriteAllText(Path.Combine(RecipesFolder, file), json);
        }
    }

    public string RecipesFolder { get; }

    /// <summary>The administrator's client, or an Editor's (who may use the admin but not recipes); null: anonymous.</summary>
    public async Task<HttpClient> ClientAsAsync(string? userName)
    {
        if (userName is null)
        {
            return CreateReader();
        }

        if (userName == AdminUserName)
        {
            return await Accounts.SignedInClientAsync(this, AdminUserName, AdminPassword);
        }

        await Accounts.EnsureUserAsync(this, userName, "Editor");
        return await Accounts.SignedInClientAsync(this, userName);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<RecipeOptions>(o => o.Folders.Add(RecipesFolder)));
    }
}
