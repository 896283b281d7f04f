using Microsoft.Extensions.Logging;

namespace Cms.Cli;

/// <summary>
/// Logging for the command line: the site's own errors (Cms.*, Modules.*) as one line on stderr,
/// with the exception's message and no stack trace; everything else is left out.
/// </summary>
public sealed class CliLoggerProvider(TextWriter error) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CliLogger(categoryName, error);

    public void Dispose()
    {
    }

    private sealed class CliLogger(string category, TextWriter error) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
            => logLevel >= LogLevel.Information && (category.StartsWith("Cms.", StringComparison.Ordinal) || category.StartsWith("Modules.", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // A long recipe step's progress ("Step 0 (content): 500 of 5000 items imported"), so a deployer sees it work.
            if (eventId.Name == Recipes.Steps.ContentStep.ProgressEvent.Name && logLevel == LogLevel.Information)
            {
                error.WriteLine(formatter(state, exception));
                return;
            }

            // The verb reports an unreachable database itself (exit code 2); the site's outage notice is for the web host.
            if (IsEnabled(logLevel) && logLevel >= LogLevel.Error && category != typeof(Hosting.DatabaseAvailability).FullName)
            {
                var reason = exception is null ? "" : $": {exception.GetBaseException().Message}";
                error.WriteLine($"error: {formatter(state, exception)}{reason}");
            }
        }
    }
}
