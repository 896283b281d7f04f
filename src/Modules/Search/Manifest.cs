using Cms.Modules;

[assembly: Module("Search", "Search",
    Description = "Full-text search of published content (SQLite FTS5 or PostgreSQL full-text search) at /search, with highlighted excerpts.",
    Category = "Content",
    Dependencies = ["Contents"])]
