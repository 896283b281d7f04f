using Cms.Cli;
using Cms.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCms();

// "setup", "recipes apply FILE", "export", ...: the same services and configuration, no web server.
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
