using Cms.Cli;
using Cms.Data;
using Cms.Hosting;

// The site's own files (appsettings.json, App_Data) are found beside the site, not in the folder the
// command was typed in; that folder is the process's, so a verb's FILE means what the user sees.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = SiteContentRoot.Find(args, typeof(Program).Assembly) });
builder.AddCms();

// EF Core's model as generated code (src/Site/CompiledModels, tools/EfModel/regenerate.sh): the start skips building it.
builder.Services.AddCompiledSiteModels(typeof(Program).Assembly, "Site.CompiledModels");

// "setup", "recipes apply FILE", "export", ...: the same services and configuration, no web server.
// Only no argument, or the host's own options (--urls URL, --Section:Key=value), start the site.
if (CliHost.IsCommand(args))
{
    return await CliHost.RunAsync(builder, args);
}

var app = builder.Build();
app.UseCms();
await app.RunAsync();
return 0;

/// <summary>The host. Everything else lives in the Cms framework and the modules it finds.</summary>
public partial class Program
{
}
