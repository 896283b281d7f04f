using Cms.Modules;

[assembly: Module("Email", "Email",
    Description = "Sends the site's mail with MailKit: over SMTP, or into a pickup folder under App_Data (the default).",
    Category = "Messaging",
    OrchardAliases = ["OrchardCore.Email", "OrchardCore.Email.Smtp"])]
