using Cms.Modules;

[assembly: Module("Users", "Users",
    Description = "Users and roles on ASP.NET Core Identity: permissions to manage them.",
    Category = "Security")]
