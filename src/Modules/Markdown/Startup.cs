using Cms.Content;
using Cms.Display;
using Cms.Hosting;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Modules.Markdown.Drivers;
using Modules.Markdown.Models;
using Modules.Markdown.Services;

namespace Modules.Markdown;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddSingleton<IMarkdownRenderer, MarkdownRenderer>();
        services.AddSingleton<IStartupWarmup, MarkdownWarmup>();
        services.AddContentPart<MarkdownBodyPart>().UseDriver<MarkdownBodyPartDriver>();
    }
}
