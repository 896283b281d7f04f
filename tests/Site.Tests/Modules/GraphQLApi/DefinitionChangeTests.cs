using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Modules.GraphQLApi.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.GraphQLApi;

/// <summary>Issue 15 point 7: a part added to a type by a definition change shows up in the schema without code, and the schema is made once per change.</summary>
public sealed class DefinitionChangeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task APartAddedToTheType_AppearsInTheSchema_WithItsFields_AndUnknownPartsShowTheirJson()
    {
        var reader = site.CreateReader();
        await GraphQLClient.DataAsync(reader, "{ newsCommentary(first: 1) { displayText } }");
        await GraphQLClient.DataAsync(reader, "{ newsCommentary(first: 1) { displayText } }");
        var builds = site.Services.GetRequiredService<ContentSchemaProvider>().Builds;
        var (before, _) = await GraphQLClient.PostAsync(reader, "{ newsCommentary { editorNote { note { text } } } }");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, before);

        await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().AlterAsync(document =>
        {
            document.ContentParts.Add(new ContentPartDefinition
            {
                Name = "EditorNote",
                ContentPartFieldDefinitionRecords = [new ContentPartFieldDefinition { FieldName = "TextField", Name = "Note" }, new ContentPartFieldDefinition { FieldName = "NumericField", Name = "Stars" }],
            });
            var type = document.ContentTypes.Single(t => t.Name == "NewsCommentary");
            type.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { PartName = "EditorNote", Name = "EditorNote" });
            type.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { PartName = "ReviewPart", Name = "ReviewPart" });
        }));
        var id = await site.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contents, "With an editor's note", new DateTime(2035, 5, 1, 0, 0, 0, DateTimeKind.Utc));
            item.Content["EditorNote"] = new JsonObject { ["Note"] = new JsonObject { ["Text"] = "Checked twice" }, ["Stars"] = new JsonObject { ["Value"] = 4 } };
            item.Content["ReviewPart"] = new JsonObject { ["Verdict"] = "Sound", ["Score"] = 9 };
            return (await contents.PublishAsync(item)).ContentItemId;
        });

        var post = (await GraphQLClient.DataAsync(reader,
            $"{{ contentItem(contentItemId: \"{id}\") {{ ... on NewsCommentary {{ editorNote {{ note {{ text }} stars {{ value }} }} reviewPart {{ json }} }} }} }}"))["contentItem"]!;
        await GraphQLClient.DataAsync(reader, "{ newsCommentary(first: 1) { displayText } }");

        Assert.Equal("Checked twice", post["editorNote"]!["note"]!["text"]!.GetValue<string>());
        Assert.Equal(4, post["editorNote"]!["stars"]!["value"]!.GetValue<decimal>());
        Assert.Equal("Sound", post["reviewPart"]!["json"]!["Verdict"]!.GetValue<string>());
        Assert.Equal(builds + 1, site.Services.GetRequiredService<ContentSchemaProvider>().Builds);
    }

    [Fact]
    public async Task WhileTheFeatureIsDisabled_TheEndpointAnswers404()
    {
        await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().DisableAsync(["GraphQLApi"]));
        var disabled = await site.CreateReader().GetAsync(GraphQLClient.Path + "?query=%7B__typename%7D");
        await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().EnableAsync(["GraphQLApi"]));
        var enabled = await site.CreateReader().GetAsync(GraphQLClient.Path + "?query=%7B__typename%7D");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, disabled.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, enabled.StatusCode);
    }
}
