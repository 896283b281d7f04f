using System.Net;
using AngleSharp.Dom;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Security;

/// <summary>
/// Issue 10, point 4: a moderator closing or reopening a thread moves the item's concurrency token, so an
/// editor who had the form open gets the 409 conflict instead of silently undoing the moderator.
/// </summary>
public sealed class ModerationConflictTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Theory]
    [InlineData("close", false)]
    [InlineData("open", true)]
    public async Task EditorsStaleForm_AfterAModeratorClosesOrReopens_Gets409_AndTheModeratorsChoiceStands(string action, bool openAfter)
    {
        await site.SettingsAsync();
        var post = await NewPostAsync(site);
        if (action == "open")
        {
            await site.InScopeAsync(sp => sp.GetRequiredService<global::Modules.Comments.Services.CommentModeration>().SetOpenAsync(post.Id, false));
        }

        var editor = await SignedInAsync(site, "stale-editor", "Editor");
        var moderator = await SignedInAsync(site, "moderator", "Moderator");
        var editUrl = $"/admin/contents/{post.Id}/edit";
        var (_, form) = await Html.GetAsync(editor, editUrl);

        var moderated = await SubmitAsync(moderator, post.Path, $"/comments/{post.Id}/{action}");
        var before = await DatabaseFingerprint.TakeAsync(site);
        var fields = BrowserFields(form, editUrl);
        fields["AnalysisPart.Markdown"] = "The editor's late change.";
        var saved = await editor.PostAsync(editUrl, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, moderated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, saved.StatusCode);
        Assert.Contains("was changed by someone else", (await DocumentAsync(saved)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(post.Id, VersionOptions.Latest));
        Assert.Equal(openAfter, stored!.As<CommentsPart>()!.Open);
    }

    [Fact]
    public async Task EditorsFreshForm_AfterModeration_SavesAsBefore()
    {
        await site.SettingsAsync();
        var post = await NewPostAsync(site);
        var editor = await SignedInAsync(site, "fresh-editor", "Editor");
        var moderator = await SignedInAsync(site, "moderator2", "Moderator");
        await SubmitAsync(moderator, post.Path, $"/comments/{post.Id}/close");
        var editUrl = $"/admin/contents/{post.Id}/edit";

        var (_, form) = await Html.GetAsync(editor, editUrl);
        var fields = BrowserFields(form, editUrl);
        fields["AnalysisPart.Markdown"] = "A change made after the thread closed.";
        var saved = await editor.PostAsync(editUrl, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(post.Id, VersionOptions.Latest));
        Assert.False(stored!.As<CommentsPart>()!.Open);
    }

    /// <summary>What a browser posts for the form: text fields, text areas, ticked boxes, the submit button "save".</summary>
    private static Dictionary<string, string> BrowserFields(IDocument page, string action)
    {
        var form = page.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action);
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type") ?? "";
            if (type == "checkbox")
            {
                if (input.HasAttribute("checked"))
                {
                    fields[name] = input.GetAttribute("value") ?? "on";
                }

                continue;
            }

            if (!fields.ContainsKey(name))
            {
                fields[name] = input.TagName == "TEXTAREA" ? input.TextContent.TrimStart('\n') : input.GetAttribute("value") ?? "";
            }
        }

        fields["submit"] = "save";
        return fields;
    }
}
