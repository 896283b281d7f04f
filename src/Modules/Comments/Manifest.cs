using Cms.Modules;

[assembly: Module("Comments", "Comments",
    Description = "CommentsPart, the comment thread and form under posts, moderation, membership (registration, invitations, requests) and comment feeds.",
    Category = "Content",
    Dependencies = ["Contents", "Markdown", "Users"])]
