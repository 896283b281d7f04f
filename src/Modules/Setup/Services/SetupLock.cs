namespace Modules.Setup.Services;

/// <summary>Only one setup may run at a time; a second, concurrent one waits and then finds the site set up.</summary>
public sealed class SetupLock
{
    public SemaphoreSlim Gate { get; } = new(1, 1);
}
