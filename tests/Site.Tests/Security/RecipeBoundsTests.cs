using System.Text;
using Cms.Recipes;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Security;

/// <summary>A site whose configuration holds secrets a recipe must not read, and one value it may.</summary>
public sealed class RecipeBoundsSite : SiteFactory
{
    public RecipeBoundsSite()
    {
        Settings["Recipes:Tagline"] = "Read from Recipes:Tagline";
        Settings["Email:Password"] = "smtp-secret";
        Settings["ConnectionStrings:Other"] = "Host=db;Password=db-secret";
    }
}

/// <summary>
/// Issue 10, point 5: recipes read only configuration keys under "Recipes:", anything else is a validation
/// error naming the key; variables that refer to each other are bounded in depth and in expanded size.
/// </summary>
public sealed class RecipeBoundsTests(RecipeBoundsSite site) : IClassFixture<RecipeBoundsSite>
{
    [Theory]
    [InlineData("Setup:AdminPassword")]
    [InlineData("Email:Password")]
    [InlineData("ConnectionStrings:Other")]
    [InlineData("Recipes")]
    [InlineData("RecipesX:Tagline")]
    public async Task Configuration_OutsideRecipesSection_IsAValidationError_NamingTheKey_AndNothingIsApplied(string key)
    {
        var recipe = $$"""{ "name": "leak", "steps": [ { "name": "settings", "SiteDescription": "[js: configuration('{{key}}', 'none')]" } ] }""";
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ExecuteAsync(recipe);

        var error = Assert.Single(result.Errors);
        Assert.Equal("steps[0].SiteDescription", error.Path);
        Assert.Equal($"configuration('{key}'): a recipe may read only configuration keys under 'Recipes:', e.g. configuration('Recipes:SiteName') set as Recipes__SiteName; '{key}' is not one.", error.Message);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        Assert.DoesNotContain("secret", (await site.CreateReader().GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_UnderRecipes_IsRead()
    {
        var result = await ExecuteAsync("""{ "name": "tagline", "steps": [ { "name": "settings", "SiteDescription": "[js: configuration('Recipes:Tagline', 'none')]" } ] }""");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal("Read from Recipes:Tagline", (await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync())).SiteDescription);
    }

    [Fact]
    public async Task VariablesThatDoubleEachOther_AreRefusedWithAMessage_WithoutAMemoryBlowUp()
    {
        // v0 = [v1, v1], v1 = [v2, v2], ...: 2^40 leaves if expanded.
        var variables = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            variables.Append($$""" "v{{i}}": [ "[js: variables('v{{i + 1}}')]", "[js: variables('v{{i + 1}}')]" ], """);
        }

        var recipe = $$"""{ "name": "bomb", "variables": { {{variables}} "v40": "{{new string('x', 1000)}}" }, "steps": [ { "name": "settings", "SiteDescription": "[js: variables('v0')]" } ] }""";
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ExecuteAsync(recipe);

        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 500_000_000, "expansion stopped early");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains($"makes the recipe expand past {ScriptValueEvaluator.MaxExpandedSize:N0} characters", StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task VariablesReferringToEachOtherTooDeep_AreRefusedWithAMessage()
    {
        var variables = string.Join(", ", Enumerable.Range(0, 30).Select(i => $$""" "v{{i}}": "[js: variables('v{{i + 1}}')]" """));
        var recipe = $$"""{ "name": "deep", "variables": { {{variables}}, "v30": "end" }, "steps": [ { "name": "settings", "SiteDescription": "[js: variables('v0')]" } ] }""";

        var result = await ExecuteAsync(recipe);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains($"through more than {ScriptValueEvaluator.MaxVariableDepth} variables that refer to each other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VariablesUsedAFewTimes_StillWork()
    {
        var recipe = """
            { "name": "ok", "variables": { "name": "Shared", "pair": [ "[js: variables('name')]", "[js: variables('name')]" ] },
              "steps": [ { "name": "settings", "SiteDescription": "[js: variables('name')]", "CommentSettings": { "PolicyNote": "[js: variables('name')]" } } ] }
            """;

        var result = await ExecuteAsync(recipe);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    private Task<RecipeResult> ExecuteAsync(string recipe) => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));
}
