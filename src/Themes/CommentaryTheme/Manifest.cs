using Cms.Modules;

[assembly: Theme("CommentaryTheme", "Commentary",
    Description = "The public theme: readable, responsive and accessible, with no CSS framework.",
    Category = "Theme")]
