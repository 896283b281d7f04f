using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.ContentApi;

namespace Site.Tests.Modules.GraphQLApi;

/// <summary>Issue 16 point 6: a module's API section (quote drift) is a typed GraphQL field, read once per page, whatever its size.</summary>
public sealed class SectionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Query = "{ newsCommentary(first: 30, where: { tag: \"section-cost\" }) { displayText quoteDrift { state missingSentences { sentence } acknowledged } } }";

    [Fact]
    public async Task QuoteDrift_IsAFieldOfNewsCommentary_AndAListReadsItInOneQuery_ForFivePostsOrThirty()
    {
        await PublishAsync(5, 0);
        var few = await QueriesAsync();
        await PublishAsync(25, 5);
        var many = await QueriesAsync();

        Assert.Equal(few.Queries, many.Queries);
        Assert.Equal(5, few.States.Count);
        Assert.Equal(30, many.States.Count);
        Assert.All(many.States, s => Assert.Equal("Unchecked", s));
    }

    [Fact]
    public async Task TheSeedPost_HasTheSameSection_InGraphQLAndRest()
    {
        var data = await GraphQLClient.DataAsync(site.CreateReader(),
            $"{{ contentItem(contentItemId: \"{ApiClients.SeedId}\") {{ ... on NewsCommentary {{ quoteDrift {{ state archiveUrl acknowledged }} }} }} }}");
        var rest = await ApiClients.ReadAsync(await site.CreateReader().GetAsync("/api/content/" + ApiClients.SeedId));

        Assert.Equal((string)rest["Extras"]!["QuoteDrift"]!["State"]!, (string)data["contentItem"]!["quoteDrift"]!["state"]!);
        Assert.Equal((string?)rest["Extras"]!["QuoteDrift"]!["ArchiveUrl"], (string?)data["contentItem"]!["quoteDrift"]!["archiveUrl"]);
    }

    private async Task<(int Queries, List<string> States)> QueriesAsync()
    {
        var reader = site.CreateReader();
        await GraphQLClient.DataAsync(reader, Query); // warm: settings, definitions, schema
        site.Queries.Reset();
        var data = await GraphQLClient.DataAsync(reader, Query);
        return (site.Queries.Count, data["newsCommentary"]!.AsArray().Select(i => (string)i!["quoteDrift"]!["state"]!).ToList());
    }

    private Task PublishAsync(int count, int from) => site.InScopeAsync(async sp =>
    {
        var contents = sp.GetRequiredService<IContentManager>();
        for (var i = from; i < from + count; i++)
        {
            var item = TestPosts.New(contents, $"Section cost {i}", new DateTime(2038, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(i));
            item.Alter<TagsPart>(p => p.Tags = ["Section Cost"]);
            await contents.PublishAsync(item);
        }
    });
}
