using Cms.Modules;

[assembly: Module("ContentApi", "Content API",
    Description = "A REST API over the site's content (/api/content) in Orchard's content item JSON, with an OpenAPI document and reference page, and personal access tokens for drafts and writes.",
    Category = "Content",
    Dependencies = ["Contents", "Users"])]
