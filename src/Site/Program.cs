using Cms.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCms();

var app = builder.Build();
app.UseCms();
app.Run();

/// <summary>The host. Everything else lives in the Cms framework and the modules it finds.</summary>
public partial class Program
{
}
