using System.Text.Json;
using Cms.Data;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Upgrades;

/// <summary>A site whose database was made by an earlier build (Fixtures/schema-v1).</summary>
public class SchemaV1SiteFactory : SiteFactory
{
    protected override bool SetUp => false;

    protected override void PrepareAppData()
    {
        var database = Path.Combine(AppData, "site.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-v1", "site.db"), database, overwrite: true);
        var settings = new SiteShellSettings { DatabaseProvider = SiteShellSettings.Sqlite, ConnectionString = $"Data Source={database}" };
        File.WriteAllText(Path.Combine(AppData, "site.json"), JsonSerializer.Serialize(settings));
    }
}

/// <summary>The current build opens the old database, brings its schema up to date and keeps every post, user and setting.</summary>
public sealed class UpgradeTests(SchemaV1SiteFactory site) : IClassFixture<SchemaV1SiteFactory>
{
    [Fact]
    public async Task OldDatabase_KeepsPostsUsersAndSettings()
    {
        var reader = site.CreateReader();

        var home = await reader.GetStringAsync("/");
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync());
        var signIn = await Accounts.SignInAsync(site.CreateReader(), "fixture-admin", "fixture-password-1");

        Assert.Contains("Sochi Meeting", home);
        Assert.Contains("Fixture Gazette", home);
        Assert.Equal("Europe/London", settings.TimeZoneId);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/login", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True((await reader.GetAsync("/2020/09/11/sochi-meeting")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task OldDatabase_GetsEveryTableColumnAndIndexOfThisBuild()
    {
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                Assert.True(await DatabaseSchema.TableExistsAsync(db, table.Name), $"table {table.Name} is missing");
                var columns = await DatabaseSchema.ColumnsAsync(db, table.Name);
                Assert.All(table.Columns, c => Assert.Contains(c.Name, columns));

                // Indexes a later build added so a list reads fewer rows (AutoroutePartIndex's (ContentItemId, Published)).
                var indexes = await DatabaseSchema.IndexesAsync(db, table.Name);
                Assert.All(table.Indexes, i => Assert.True(indexes.Contains(i.Name), $"index {i.Name} is missing"));
            }

            Assert.True(await db.ContentItems.AnyAsync(r => r.Published));
        });
    }
}

/// <summary>An even older shape: a table and a column that later builds added are not there yet.</summary>
public sealed class OlderSchemaSiteFactory : SchemaV1SiteFactory
{
    protected override void PrepareAppData()
    {
        base.PrepareAppData();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(AppData, "site.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE AspNetUserTokens; ALTER TABLE AspNetUsers DROP COLUMN CreatedUtc;";
        command.ExecuteNonQuery();
    }
}

public sealed class MissingTableAndColumnTests : IDisposable
{
    private readonly OlderSchemaSiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Upgrade_AddsMissingTableAndColumn_AndKeepsUsers()
    {
        await _site.CreateReader().GetStringAsync("/");

        await _site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            Assert.True(await DatabaseSchema.TableExistsAsync(db, "AspNetUserTokens"));
            Assert.Contains("CreatedUtc", await DatabaseSchema.ColumnsAsync(db, "AspNetUsers"));
            Assert.True(await db.Users.AnyAsync(u => u.UserName == "fixture-admin"));
        });
    }
}
