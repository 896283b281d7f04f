using Floor;
using Microsoft.EntityFrameworkCore;

// FLOOR_MODE picks how much of the site's stack the app starts, so each layer's share of a first answer shows:
//   hello   a minimal API endpoint that writes one word (ASP.NET Core's own floor);
//   mvc     MVC, and a Razor view in a layout listing 11 posts built in memory;
//   mvc-ef  the same 11 posts read by EF Core from SQLite (100 rows), after EnsureCreated: what every start of a
//           database-backed MVC site does at the least.
var mode = Environment.GetEnvironmentVariable("FLOOR_MODE") ?? "mvc-ef";
var builder = WebApplication.CreateBuilder(args);
if (mode == "hello")
{
    var hello = builder.Build();
    hello.MapGet("/", () => "Hello");
    await hello.RunAsync();
    return;
}

builder.Services.AddControllersWithViews();
var database = Path.Combine(builder.Configuration["FLOOR_DATA"] ?? AppContext.BaseDirectory, "floor.db");
builder.Services.AddDbContext<FloorDb>(options => options.UseSqlite($"Data Source={database}"));
builder.Services.AddSingleton(new FloorMode(mode == "mvc-ef"));

var app = builder.Build();
if (mode == "mvc-ef")
{
    using var scope = app.Services.CreateScope();
    await FloorDb.EnsureSeededAsync(scope.ServiceProvider.GetRequiredService<FloorDb>());
}

app.UseStaticFiles();
app.UseRouting();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}");
await app.RunAsync();
