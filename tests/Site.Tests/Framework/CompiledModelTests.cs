using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Framework;

/// <summary>
/// The EF Core models compiled ahead of time (src/Site/CompiledModels, tools/EfModel) are the models the site would
/// build at run time, and a site uses one only where they are: the start no longer builds the model (issue 12 point 5),
/// so a compiled model that fell behind an entity's change would read and write the wrong columns.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "run tools/EfModel/regenerate.sh (see tools/EfModel/README.md) and commit src/Site/CompiledModels";

    public static TheoryData<string> Providers => [SiteShellSettings.Sqlite, SiteShellSettings.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_IsTheModelOnModelCreatingBuilds(string provider)
    {
        using var db = CompiledSiteModels.CreateRuntimeModelContext(Settings(provider));

        // Initialised as a context using it would (its relational model is made on first use).
        var compiled = db.GetService<IModelRuntimeInitializer>().Initialize(CompiledModel(provider), designTime: false);

        // A model in use gains a type for each row type a raw SQL query reads (the search's hits): on one side only
        // here, as a test run's earlier searches leave it on the compiled model. The view leaves such types out.
        _ = db.Database.SqlQueryRaw<AdHocRow>("SELECT 1 AS \"Value\"");
        Assert.NotEmpty(Assert.IsType<RuntimeModel>(db.Model).GetAdHocEntityTypes());
        var expected = ModelView.Of(db.Model);
        var actual = ModelView.Of(compiled);

        var difference = ModelView.FirstDifference(expected, actual);
        Assert.True(difference is null, $"The compiled {provider} model is not the model OnModelCreating builds ({difference}): {Regenerate}.");
    }

    [Fact]
    public void ModelView_TellsApartModelsThatDiffer()
    {
        using var site = CompiledSiteModels.CreateRuntimeModelContext(Settings(SiteShellSettings.Sqlite));
        using var same = CompiledSiteModels.CreateRuntimeModelContext(Settings(SiteShellSettings.Sqlite));
        using var prefixed = CompiledSiteModels.CreateRuntimeModelContext(Settings(SiteShellSettings.Sqlite) with { TablePrefix = "blog" });

        Assert.Null(ModelView.FirstDifference(ModelView.Of(site.Model), ModelView.Of(same.Model)));
        Assert.Contains("blog_", ModelView.FirstDifference(ModelView.Of(site.Model), ModelView.Of(prefixed.Model)), StringComparison.Ordinal);
    }

    [Fact]
    public void CompiledModel_IsNotUsed_WithATablePrefixOrOtherContributors()
    {
        using var db = CompiledSiteModels.CreateRuntimeModelContext(Settings(SiteShellSettings.Sqlite));
        var contributors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ApplicationServiceProvider!
            .GetServices<IModelContributor>().ToList();
        var models = new Dictionary<string, Func<IModel>> { [SiteShellSettings.Sqlite] = () => CompiledModel(SiteShellSettings.Sqlite) };

        Assert.NotNull(new CompiledSiteModels(contributors, models).For(Settings(SiteShellSettings.Sqlite)));
        Assert.Null(new CompiledSiteModels(contributors, models).For(Settings(SiteShellSettings.Sqlite) with { TablePrefix = "blog" }));
        Assert.Null(new CompiledSiteModels(contributors.Skip(1), models).For(Settings(SiteShellSettings.Sqlite)));
        Assert.Null(new CompiledSiteModels(contributors, models).For(Settings(SiteShellSettings.Postgres)));
    }

    [Fact]
    public async Task Site_UsesTheCompiledModelOfItsProvider()
    {
        using var site = new SiteFactory();
        using var client = site.CreateReader();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var provider = db.Database.IsNpgsql() ? SiteShellSettings.Postgres : SiteShellSettings.Sqlite;

        Assert.Same(CompiledModel(provider), db.Model);
    }

    private sealed record AdHocRow(int Value);

    private static IModel CompiledModel(string provider) => provider == SiteShellSettings.Postgres
        ? global::Site.CompiledModels.Postgres.CmsDbContextModel.Instance
        : global::Site.CompiledModels.Sqlite.CmsDbContextModel.Instance;

    private static SiteShellSettings Settings(string provider) => provider == SiteShellSettings.Postgres
        ? new SiteShellSettings { DatabaseProvider = SiteShellSettings.Postgres, ConnectionString = "Host=localhost;Database=model" }
        : Cms.Data.Transfer.SiteDatabase.SqliteFile("model.db", tablePrefix: "");
}
