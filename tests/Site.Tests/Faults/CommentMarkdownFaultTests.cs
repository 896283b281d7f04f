using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using CsCheck;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Faults;

/// <summary>
/// Generated comment Markdown (fragments of Markdown, raw HTML, hostile URLs and strings, run
/// together) posted by a member through the real form: each is stored (302) or refused with a
/// message (400); never a 500. What readers then see is sanitised: no script, style, frame, object or
/// form, no event handler attribute, no javascript:, vbscript: or data: URL, every link nofollow ugc.
/// </summary>
public sealed class CommentMarkdownFaultTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    private static readonly string[] s_markdown =
    [
        "plain words ", "**bold** ", "_em_ ", "`code` ", "\n\n", "\n```\nfenced <script>x</script>\n```\n", "> quote\n", "- item\n", "1. one\n",
        "# heading\n", "[link](https://example.org/x) ", "[js](javascript:alert(1)) ", "[js2](JAVASCRIPT:alert(1)) ", "[data](data:text/html,x) ",
        "![img](https://example.org/i.png) ", "![x](javascript:alert(1)) ", "<https://example.org/auto> ", "https://bare.example.org/path ",
        "[ref][r]\n\n[r]: javascript:alert(1)\n", "<a href=\"javascript:alert(1)\" onclick=\"x()\">a</a>", "<b onmouseover=alert(1)>b</b>",
        "<details open ontoggle=alert(1)>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<!-- comment -->",
        "<scr<script>ipt>alert(1)</script>", "&lt;script&gt;", "&#x6A;avascript:", "\\<script\\>", "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "[x](https://example.org \"title\" onclick=alert(1)) ", "<div style=\"background:url(javascript:alert(1))\">s</div>", "*[", "]]]((( ",
    ];

    [Fact]
    public async Task GeneratedMarkdown_IsStoredOrRefusedWithAMessage_AndReadersSeeItSanitised()
    {
        await site.SettingsAsync(s => { s.Moderation = "None"; s.RateLimitSeconds = 0; s.MaxLinks = 1000; });
        var (member, _) = await NamedMemberAsync(site, "fuzzer");
        var fragments = s_markdown.Concat(FaultCases.Hostile.Where(h => h.Length < 5000)).ToArray();
        var text = Gen.Int[0, fragments.Length - 1].Array[1, 14].Select(parts => string.Concat(parts.Select(p => fragments[p])));
        Post? post = null;
        string token = "";
        int stored = 0, refused = 0, onPost = 0;
        var timer = Stopwatch.StartNew();

        await text.SampleAsync(async markdown =>
        {
            if (post is null || onPost++ == 40)
            {
                // A new post every 40 comments, so each check reads one short thread.
                post = await NewPostAsync(site);
                token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);
                onPost = 0;
            }

            var response = await member.PostAsync($"/comments/{post.Id}", Members.Form(("Text", markdown), ("__RequestVerificationToken", token)));
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                refused++;
                var page = Html.Parse(await response.Content.ReadAsStringAsync());

                // Beside the field; or, for a form ASP.NET Core cannot read at all (a NUL), on the page (UnreadableFormFilter).
                var message = page.QuerySelector("[data-valmsg-for=Text]")?.TextContent
                    ?? page.QuerySelector(".error-page p")?.TextContent;
                Assert.False(string.IsNullOrWhiteSpace(message) || message.Contains("(error 400)", StringComparison.Ordinal), "refused without a message");
                return;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"posting to {post.Path} answered {(int)response.StatusCode}: {Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent.Trim()}");
            stored++;
            var id = response.Headers.Location!.OriginalString.Split("#comment-")[1];
            var (_, thread) = await Html.GetAsync(member, post.Path);
            AssertSanitised(thread.QuerySelector($"#comment-{id} .comment-text") ?? throw new Xunit.Sdk.XunitException($"comment {id} is not on its post's page"));
        }, iter: FaultCases.Count(800), threads: 1, seed: FaultCases.Seed, print: m => m.Length > 2000 ? m[..2000] + "…" : m);
        Console.WriteLine($"comment fault test: {stored} stored, {refused} refused, {timer.Elapsed.TotalSeconds:0.0} s");
        Assert.True(stored > 0 && refused > 0, $"{stored} stored, {refused} refused: the inputs should produce both");
    }

    private static readonly string[] s_forbidden = ["script", "style", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea", "svg", "math", "link", "meta", "base"];

    private static void AssertSanitised(IElement text)
    {
        foreach (var element in text.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, s_forbidden);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {text.InnerHtml}");
                Assert.NotEqual("style", attribute.LocalName);
                if (attribute.LocalName is "href" or "src" or "action" or "formaction" or "srcset" or "xlink:href")
                {
                    var url = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.True(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || !url.Contains(':', StringComparison.Ordinal),
                        $"unsafe URL {attribute.Value} in {text.InnerHtml}");
                }
            }

            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                Assert.Equal("nofollow ugc", element.GetAttribute("rel"));
            }
        }
    }
}
