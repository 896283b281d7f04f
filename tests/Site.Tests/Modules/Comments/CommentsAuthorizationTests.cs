using System.Net;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.Comments;

/// <summary>
/// Every comment and membership endpoint that writes, for a visitor, a signed-in non-member, a Member, a
/// Moderator and an Administrator: "login" means sent to sign in. A refused request stores nothing.
/// </summary>
public sealed class CommentsAuthorizationTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    private static readonly string[] s_roles = ["anonymous", "Authenticated", "Member", "Moderator", "Administrator"];

    private static readonly (string Endpoint, string[] Outcomes)[] s_matrix =
    [
        ("POST /comments/{post}", ["login", "403", "ok", "ok", "ok"]),
        ("POST /comments/{post}/close", ["login", "403", "403", "ok", "ok"]),
        ("POST /comments/{post}/open", ["login", "403", "403", "ok", "ok"]),
        ("GET /admin/comments", ["login", "403", "403", "ok", "ok"]),
        ("POST /admin/comments", ["login", "403", "403", "ok", "ok"]),
        ("GET /admin/members/requests", ["login", "403", "403", "ok", "ok"]),
        ("GET /admin/members/invitations", ["login", "403", "403", "403", "ok"]),
        ("POST /admin/members/invitations", ["login", "403", "403", "403", "ok"]),
        ("GET /admin/settings/comments", ["login", "403", "403", "403", "ok"]),
        ("POST /admin/settings/comments", ["login", "403", "403", "403", "ok"]),
        ("GET /members", ["login", "ok", "ok", "ok", "ok"]),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (endpoint, outcomes) in s_matrix)
        {
            for (var i = 0; i < s_roles.Length; i++)
            {
                data.Add(endpoint, s_roles[i], outcomes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersAsExpected_ForRole(string endpoint, string role, string expected)
    {
        await site.SettingsAsync(s => s.RateLimitSeconds = 0);
        var post = await NewPostAsync(site);
        var client = role switch
        {
            "anonymous" => site.CreateReader(),
            "Administrator" => await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword),
            "Authenticated" => await SignedInAsync(site, "plain"),
            _ => await SignedInAsync(site, "matrix-" + role.ToLowerInvariant(), role),
        };
        var token = role == "anonymous" ? null : Html.AntiforgeryToken((await Html.GetAsync(client, "/")).Document);
        var (method, url) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1].Replace("{post}", post.Id, StringComparison.Ordinal));
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = method == "GET" ? await client.GetAsync(url) : await client.PostAsync(url, Fields(token));

        var actual = response.StatusCode switch
        {
            HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/login", StringComparison.Ordinal) => "login",
            HttpStatusCode.OK or HttpStatusCode.Redirect => "ok",
            var code => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, actual);
        if (expected != "ok" && method == "POST")
        {
            Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        }
    }

    private static FormUrlEncodedContent Fields(string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["Text"] = "A comment from the matrix.",
            ["decision"] = "approve",
            ["ids"] = "1",
            ["Email"] = $"matrix-{Guid.NewGuid().ToString("N")[..6]}@example.org",

            // The settings page's fields, valid, as the recipe sets them.
            ["PolicyNote"] = "Only a member of this blog may post a comment.",
            ["Moderation"] = "FirstTime",
            ["RegistrationMode"] = "InviteOnly",
            ["InvitationDays"] = "7",
            ["RateLimitSeconds"] = "0",
            ["MaxLinks"] = "2",
            ["CloseAfterDays"] = "0",
            ["MaxLength"] = "4096",
            ["ReplyDepth"] = "2",
            ["EditWindowMinutes"] = "15",
            ["PageSize"] = "50",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }
}
