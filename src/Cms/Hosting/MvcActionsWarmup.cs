using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Cms.Hosting;

/// <summary>
/// MVC's controllers and actions (found in every module's assembly, with their conventions, filters and routes), which
/// routing would otherwise discover inside the first request.
/// </summary>
public sealed class MvcActionsWarmup(IActionDescriptorCollectionProvider actions) : IStartupWarmup
{
    public void Warm() => _ = actions.ActionDescriptors.Items.Count;
}
