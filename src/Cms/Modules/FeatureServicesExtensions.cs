using Cms.Data;
using Cms.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Cms.Modules;

/// <summary>The explicit registrations a module's Startup makes.</summary>
public static class FeatureServicesExtensions
{
    /// <summary>Registers <typeparamref name="TImpl"/> as a <typeparamref name="T"/> bound to the registering feature.</summary>
    public static FeatureServices AddFeatureBound<T, TImpl>(this FeatureServices services)
        where T : class
        where TImpl : class, T
    {
        services.TryAddScoped<TImpl>();
        var featureId = services.FeatureId;
        // A lambda, not the method group sp.GetRequiredService<TImpl>: a delegate over an extension method is built by the
        // runtime's slow path, and every request binds every feature's services of a kind (3 % of a cache miss's CPU).
        services.AddScoped(sp => new FeatureBound<T>(featureId, () => sp.GetRequiredService<TImpl>()));
        return services;
    }

    public static FeatureServices AddPermissions<TProvider>(this FeatureServices services)
        where TProvider : class, IPermissionProvider
        => services.AddFeatureBound<IPermissionProvider, TProvider>();

    /// <summary>An authorization handler (for a resource, such as a content item) that decides only while the registering feature is enabled.</summary>
    public static FeatureServices AddAuthorizationHandler<THandler>(this FeatureServices services)
        where THandler : class, Microsoft.AspNetCore.Authorization.IAuthorizationHandler
        => services.AddFeatureBound<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, THandler>();

    public static FeatureServices AddDataMigration<TMigration>(this FeatureServices services)
        where TMigration : class, IDataMigration
        => services.AddFeatureBound<IDataMigration, TMigration>();

    public static FeatureServices AddNavigationProvider<TProvider>(this FeatureServices services)
        where TProvider : class, Navigation.INavigationProvider
        => services.AddFeatureBound<Navigation.INavigationProvider, TProvider>();

    public static FeatureServices AddRecipeStep<TStep>(this FeatureServices services)
        where TStep : class, Recipes.IRecipeStepHandler
        => services.AddFeatureBound<Recipes.IRecipeStepHandler, TStep>();

    /// <summary>Runs <typeparamref name="THandler"/> each time the registering feature is enabled.</summary>
    public static FeatureServices AddFeatureEventHandler<THandler>(this FeatureServices services)
        where THandler : class, IFeatureEventHandler
        => services.AddFeatureBound<IFeatureEventHandler, THandler>();

    /// <summary>
    /// Runs <typeparamref name="TTask"/> in the background on the schedule <paramref name="schedule"/> gives
    /// (null: switched off), only while the registering feature is enabled.
    /// </summary>
    public static FeatureServices AddBackgroundTask<TTask>(this FeatureServices services, Func<IServiceProvider, BackgroundTaskSchedule?> schedule)
        where TTask : class, IBackgroundTask
    {
        services.TryAddScoped<TTask>();
        var featureId = services.FeatureId;
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<BackgroundTaskHost<TTask>>(sp, featureId, () => schedule(sp)));
        return services;
    }

    public static FeatureServices AddModelContributor<TContributor>(this FeatureServices services)
        where TContributor : class, IModelContributor
    {
        // The database model is one for the whole site, so tables exist whether or not the feature is on.
        services.AddSingleton<IModelContributor, TContributor>();
        return services;
    }
}
