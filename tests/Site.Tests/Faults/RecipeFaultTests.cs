using System.Diagnostics;
using Cms.Recipes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Backups;
using Site.Tests.Infrastructure;

namespace Site.Tests.Faults;

/// <summary>
/// Thousands of mutated real recipes (the repository's and the modules'), each applied through the
/// recipe executor the command line and the admin use: applied, or refused with messages that name
/// a step or a JSON path; never an exception; and a refused recipe leaves every table as it was.
/// </summary>
public sealed class RecipeFaultTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task MutatedRecipes_AreAppliedOrRefusedWithAMessage_AndARefusedOneChangesNothing()
    {
        var recipes = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IRecipeHarvester>().List().Select(r => r.ReadText()).ToList()));
        var rows = await TableRows.TakeAsync(site);
        int applied = 0, refused = 0;
        var timer = Stopwatch.StartNew();
        var cases = Gen.Select(Gen.Int[0, recipes.Count - 1], Gen.Int[1, 3]).SelectMany((recipe, count) =>
            Gen.Select(Gen.Int[0, RecipeMutation.KindCount - 1].Array[count], Gen.Int[0, 100_000].Array[count], Gen.Int[0, 1000].Array[count],
                (kinds, targets, payloads) => new RecipeMutation(recipe, kinds, targets, payloads)));

        await cases.SampleAsync(async mutation =>
        {
            var text = mutation.Apply(recipes);
            var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(text));
            var after = await TableRows.TakeAsync(site);
            if (result.Succeeded)
            {
                applied++;
                rows = after;
                return;
            }

            refused++;
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message), $"an error without a message: {e}"));
            Assert.True(rows.SequenceEqual(after), $"a refused recipe changed the site: {string.Join(" ", result.Errors)}");
        }, iter: FaultCases.Count(1200), threads: 1, seed: FaultCases.Seed, print: m => m + "\n" + Cut(m.Apply(recipes)));
        Console.WriteLine($"recipe fault test: {applied} applied, {refused} refused, {timer.Elapsed.TotalSeconds:0.0} s");
        Assert.True(applied > 0 && refused > 0, $"{applied} applied, {refused} refused: the mutations should produce both");
    }

    private static string Cut(string text) => text.Length > 2000 ? text[..2000] + "…" : text;
}
