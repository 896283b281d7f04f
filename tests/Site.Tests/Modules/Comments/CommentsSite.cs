using Cms.Recipes;
using Cms.Settings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Settings;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Comments;

/// <summary>
/// A News Commentary site with the member-only comments recipe applied, as a deployer would apply it
/// to a running site, and a clock tests can move forward (edit windows, rate limits, invitation expiry).
/// </summary>
public sealed class CommentsSite : SiteFactory, IAsyncLifetime
{
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        var result = await ApplyRecipeAsync(this, "MemberOnlyComments");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public static Task<RecipeResult> ApplyRecipeAsync(SiteFactory site, string name) => site.InScopeAsync(sp =>
    {
        var text = sp.GetRequiredService<IRecipeHarvester>().Find(name)!.ReadText();
        return sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(text);
    });

    /// <summary>Puts the comment settings back to the recipe's, then applies <paramref name="change"/>: each test starts from the same place.</summary>
    public Task SettingsAsync(Action<CommentSettings>? change = null, Action<RegistrationSettings>? registration = null) => InScopeAsync(async sp =>
    {
        var settings = new CommentSettings { PolicyNote = "Only a member of this blog may post a comment." };
        change?.Invoke(settings);
        var members = new RegistrationSettings();
        registration?.Invoke(members);
        await sp.GetRequiredService<ISiteService>().UpdateAsync(s =>
        {
            s.SetSection(CommentSettings.SectionName, settings);
            s.SetSection(RegistrationSettings.SectionName, members);
        });
    });
}

/// <summary>The system clock, moved forward by <see cref="Advance"/>.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
