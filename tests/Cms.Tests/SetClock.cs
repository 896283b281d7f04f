namespace Cms.Tests;

/// <summary>A clock the test sets: it stands still until the test moves <see cref="Now"/>.</summary>
public sealed class SetClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
