using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Floor;

public sealed class HomeController(FloorMode mode, IServiceProvider services) : Controller
{
    /// <summary>The 11 newest posts, as the site's home page lists them.</summary>
    public async Task<IActionResult> Index()
    {
        var posts = mode.UsesDatabase
            ? await services.GetRequiredService<FloorDb>().Posts.AsNoTracking().OrderByDescending(p => p.PublishedUtc).Take(11).ToListAsync()
            : [.. Enumerable.Range(90, 11).Reverse().Select(FloorPost.Numbered)];
        return View(posts);
    }
}
