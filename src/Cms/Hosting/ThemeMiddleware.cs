using Cms.Data;
using Cms.Display;
using Cms.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Hosting;

/// <summary>Puts the active theme where view lookup finds it: the site theme, or the admin theme under /admin.</summary>
public sealed class ThemeMiddleware(RequestDelegate next, ShellSettingsStore shell)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (shell.IsSetUp)
        {
            var settings = await context.RequestServices.GetRequiredService<ISiteService>().GetAsync();
            var isAdmin = context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
            context.Items[ThemeViewLocationExpander.ThemeItemKey] = isAdmin ? settings.AdminTheme : settings.SiteTheme;
        }

        await next(context);
    }
}
