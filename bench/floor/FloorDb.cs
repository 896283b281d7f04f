using Microsoft.EntityFrameworkCore;

namespace Floor;

/// <summary>Which of the app's two MVC modes runs: posts from the database, or built in memory.</summary>
public sealed record FloorMode(bool UsesDatabase);

public sealed class FloorPost
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public DateTime PublishedUtc { get; set; }

    public static FloorPost Numbered(int number) => new()
    {
        Title = $"Post {number}",
        Summary = $"The summary of post {number}, a sentence or two long, as a list shows it.",
        PublishedUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(number),
    };
}

public sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options)
{
    public DbSet<FloorPost> Posts => Set<FloorPost>();

    /// <summary>Creates the database with 100 posts on the first start; later starts only find it there.</summary>
    public static async Task EnsureSeededAsync(FloorDb db)
    {
        if (await db.Database.EnsureCreatedAsync())
        {
            db.Posts.AddRange(Enumerable.Range(1, 100).Select(FloorPost.Numbered));
            await db.SaveChangesAsync();
        }
    }
}
