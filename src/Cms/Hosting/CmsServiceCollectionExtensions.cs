using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Data;
using Cms.Data.Backup;
using Cms.Display;
using Cms.Modules;
using Cms.Recipes;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Hosting;

public static class CmsServiceCollectionExtensions
{
    /// <summary>The Data Protection application name every node and every release of a site shares.</summary>
    public const string DataProtectionApplicationName = "NewsCommentary";

    /// <summary>Data Protection's hosted service, which reads the key ring before the site listens (removed: WithoutKeyRingReadAtStart).</summary>
    public const string DataProtectionKeyRingAtStart = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Adds the framework and every module the host was built with.</summary>
    public static WebApplicationBuilder AddCms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var catalog = ModuleCatalog.FromDependencyContext();
        services.AddSingleton(catalog);
        services.Configure<CmsOptions>(builder.Configuration.GetSection("Cms"));
        services.AddSingleton<ShellSettingsStore>();
        services.AddSingleton<DocumentCache>();
        services.AddMetrics();
        services.AddSingleton<DocumentMetrics>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StartupTiming>();
        services.AddSingleton<IStartupWarmup, MvcActionsWarmup>();
        builder.WebHost.UseStaticWebAssets();

        AddData(services);
        services.AddSiteBackup(builder.Configuration);
        AddSecurity(services, builder);
        services.AddCmsSecurity(builder.Configuration);
        AddContent(services);
        AddDisplay(services, builder, catalog);
        AddRedis(services, builder);
        builder.AddCmsOperations();

        var startups = new List<ModuleStartup>();
        foreach (var (feature, startupType) in catalog.Startups)
        {
            var startup = (ModuleStartup)Activator.CreateInstance(startupType)!;
            startup.ConfigureServices(new FeatureServices(services, feature.Id));
            startups.Add(startup);
        }

        services.AddSingleton(new ModuleStartups(startups.Zip(catalog.Startups, (s, d) => (d.Feature, s)).ToList()));

        // Started after the modules' hosted services, so an unattended setup is done when it takes
        // its first look (and starts clean) at once, rather than up to a poll later, mid-request.
        services.AddHostedService<ClusterSignals>();
        services.AddHostedService<IdleMemoryTrim>();
        WithoutKeyRingReadAtStart(services);
        return builder;
    }

    /// <summary>
    /// The key ring is read when a request first protects or reads something (a sign-in cookie, a form's token), not
    /// before the site listens: Data Protection's hosted service read it at the start, the start's first EF Core query
    /// (about a tenth of its CPU; issue 12 point 5), while a reader's anonymous page needs no key. Last, since every
    /// AddDataProtection (the key certificate's too) adds the service again.
    /// </summary>
    private static void WithoutKeyRingReadAtStart(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == DataProtectionKeyRingAtStart)
            {
                services.RemoveAt(i);
            }
        }
    }

    private static void AddData(IServiceCollection services)
    {
        // Registered before AddDbContext, whose own (per-request) options registration then stands aside.
        services.AddSingleton<CmsDbContextOptionsCache>();
        services.AddScoped(sp => sp.GetRequiredService<CmsDbContextOptionsCache>().Options);
        services.AddDbContext<CmsDbContext>();
        services.AddScoped<LazyDbContext>();
        services.AddScoped<IDocumentStore, DocumentStore>();
        services.AddScoped<IFeatureManager, FeatureManager>();
        services.AddScoped<SchemaCheck>();
        services.AddScoped<ISiteService, SiteService>();
        services.AddScoped<SiteSettingsSections>();
        services.AddScoped<IPublicUrls, PublicUrls>();
    }

    private static void AddSecurity(IServiceCollection services, WebApplicationBuilder builder)
    {
        services.AddIdentity<CmsUser, CmsRole>(options =>
            {
                // Length over composition, as NIST SP 800-63B advises.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            // A signed-in user without the permission gets 403 and the theme's error page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = SecurityStampWhenDue.ValidatePrincipalAsync;
            options.Cookie.Name = "cms_auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        });
        // After Identity's cookie registration, so it runs after the framework's own post-configure made the format.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, RememberedTicketFormatSetup>();
        // A fixed application name: by default the discriminator is the content root, so a release unpacked into
        // a new folder, or a second node installed elsewhere, could not read the keys' cookies and signed everyone out.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<SiteXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = sp.GetRequiredService<SiteXmlRepository>()));
        services.AddAuthorization();
        services.AddSingleton<PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler>(sp => sp.GetRequiredService<PermissionHandler>());
        services.AddScoped<IAuthorizationHandler, FeatureAuthorizationHandlers>();
        services.AddSingleton<IRolePermissions, RolePermissions>();
        services.AddScoped<IRoleStore, RoleStore>();
        services.AddScoped<IPermissionCatalog, PermissionCatalog>();
    }

    private static void AddContent(IServiceCollection services)
    {
        services.AddOptions<ContentPartOptions>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddScoped<IContentDefinitionManager, ContentDefinitionManager>();
        services.AddSingleton<IRecipeHarvester, RecipeHarvester>();
        services.AddOptions<RecipeOptions>();
        services.AddScoped<IRecipeExecutor, RecipeExecutor>();
    }

    /// <summary>
    /// With Redis:Configuration set, the output cache lives in Redis, shared by every node: evicting a
    /// page on one node evicts it on all at once, without waiting for the database signal.
    /// </summary>
    private static void AddRedis(IServiceCollection services, WebApplicationBuilder builder)
    {
        var redis = builder.Configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddStackExchangeRedisOutputCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = builder.Configuration["Redis:InstanceName"] ?? "cms:";
            });
        }
    }

    private static void AddDisplay(IServiceCollection services, WebApplicationBuilder builder, ModuleCatalog catalog)
    {
        services.AddScoped<IContentDisplayManager, ContentDisplayManager>();
        services.AddScoped<Navigation.IAdminMenu, Navigation.AdminMenu>();
        services.AddHttpContextAccessor();
        services.AddScoped<INotifier, Notifier>();
        services.AddSingleton<PublicCache>();
        services.AddSingleton<IPublicCache>(sp => sp.GetRequiredService<PublicCache>());
        services.AddSingleton<SqliteSignalReader>();
        services.AddScoped<PublicContentVersion>();
        services.AddSingleton<PublicContentCache<PageMetadata>>();
        services.AddSingleton<KeptShapes>();
        services.AddConfiguredPublicCacheQueryKeys();
        if (string.IsNullOrWhiteSpace(builder.Configuration["Redis:Configuration"]))
        {
            // Before AddOutputCache, whose memory store is added only when none is (see BoundedOutputCacheStore).
            services.AddSingleton<BoundedOutputCacheStore>();
            services.AddSingleton<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(sp => sp.GetRequiredService<BoundedOutputCacheStore>());
        }

        services.AddOutputCache(options =>
        {
            // Bounded well below the framework's 100 MB: pages are 20-40 KB, so this keeps about a thousand,
            // and a burst of cache misses (a crawler, an eviction) cannot grow the process by more (issue 12).
            options.SizeLimit = PublicCacheLimits.SizeLimitBytes(builder.Configuration);
            options.MaximumBodySize = PublicCacheLimits.MaximumBodyBytes;
            options.AddPolicy(PublicCachePolicy.Name, policy => policy
                .Tag(IPublicCache.Tag)
                .AddPolicy<PublicQueryKeysPolicy>()
                .AddPolicy<CachedPagesBeforeRouting.NoSecondLookupPolicy>()
                .AddPolicy<Telemetry.OutputCacheMetricsPolicy>()
                .Expire(TimeSpan.FromHours(1)));
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "cms_af";
            options.HeaderName = "X-CSRF-TOKEN";
        });
        var mvc = services.AddControllersWithViews(options =>
        {
            options.Conventions.Add(new FeatureControllerConvention(catalog));
            options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add<Admin.AdminFilter>();
            options.Filters.Add<UnreadableFormFilter>();

            // Parts validate themselves with messages that name the field; MVC's implicit
            // "The X field is required." for non-nullable strings would speak over them.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        ReuseAntiforgeryTokens(services);
        mvc.AddRazorOptions(options => options.ViewLocationExpanders.Add(new ThemeViewLocationExpander(catalog)));
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.Infrastructure.IHttpResponseStreamWriterFactory, WholePageWriterFactory>());
        mvc.ConfigureApplicationPartManager(manager =>
        {
            foreach (var module in catalog.Modules)
            {
                var name = module.Assembly.GetName().Name;
                if (manager.ApplicationParts.Any(p => p.Name == name))
                {
                    continue;
                }

                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(module.Assembly).GetApplicationParts(module.Assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            }
        });
    }

    /// <summary>Puts <see cref="ReusingAntiforgery"/> in front of the framework's antiforgery, once MVC has added it.</summary>
    private static void ReuseAntiforgeryTokens(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        var type = framework.ImplementationType ?? throw new InvalidOperationException("The framework's antiforgery is registered without a type.");
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(sp => new ReusingAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, type),
            sp.GetRequiredService<IOptions<AntiforgeryOptions>>(),
            sp.GetRequiredService<TimeProvider>())));
    }
}

/// <summary>The output-cache policy of anonymous public pages.</summary>
public static class PublicCachePolicy
{
    public const string Name = "Public";
}

/// <summary>The module startups, kept to map their routes once the app is built.</summary>
public sealed record ModuleStartups(IReadOnlyList<(FeatureDescriptor Feature, ModuleStartup Startup)> Items);
