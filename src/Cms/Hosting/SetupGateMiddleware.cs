using Cms.Data;
using Microsoft.AspNetCore.Http;

namespace Cms.Hosting;

/// <summary>Until the site is set up, every page request goes to the setup screen.</summary>
public sealed class SetupGateMiddleware(RequestDelegate next, ShellSettingsStore shell)
{
    public const string SetupPath = "/setup";

    public Task InvokeAsync(HttpContext context)
    {
        if (shell.IsSetUp
            || context.Request.Path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.Redirect(SetupPath);
        return Task.CompletedTask;
    }
}
