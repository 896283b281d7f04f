using Cms.Modules;

[assembly: Module("Users", "Users",
    Description = "Sign-in, password change and reset, and the users and roles admin, on ASP.NET Core Identity.",
    Category = "Security",
    Dependencies = ["Email", "Admin"],
    OrchardAliases = ["OrchardCore.Users", "OrchardCore.Roles"])]
