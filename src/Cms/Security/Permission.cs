namespace Cms.Security;

/// <summary>
/// A named right. A permission is also granted by any permission in <see cref="ImpliedBy"/>
/// (EditContent is implied by PublishContent, and so on).
/// </summary>
public sealed record Permission(string Name, string Description, IReadOnlyList<Permission>? ImpliedBy = null)
{
    public const string ClaimType = "Permission";

    public override string ToString() => Name;
}

/// <summary>The roles every site has, as Orchard names them, plus Member.</summary>
public static class StandardRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Moderator = "Moderator";
    public const string Author = "Author";
    public const string Contributor = "Contributor";
    public const string Member = "Member";
    public const string Authenticated = "Authenticated";
    public const string Anonymous = "Anonymous";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Editor, Moderator, Author, Contributor, Member, Authenticated, Anonymous];
}
