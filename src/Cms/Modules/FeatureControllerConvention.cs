using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Cms.Modules;

/// <summary>Tags every controller with its feature: the module's, or the one its RequireFeature names.</summary>
public sealed class FeatureControllerConvention(ModuleCatalog catalog) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        var featureId = controller.ControllerType.GetCustomAttribute<RequireFeatureAttribute>()?.FeatureId
            ?? catalog.FeatureOf(controller.ControllerType.Assembly)?.Id;
        if (featureId is null)
        {
            return;
        }

        foreach (var selector in controller.Selectors)
        {
            selector.EndpointMetadata.Add(new FeatureMetadata(featureId));
        }

        foreach (var action in controller.Actions)
        {
            foreach (var selector in action.Selectors)
            {
                selector.EndpointMetadata.Add(new FeatureMetadata(featureId));
            }
        }
    }
}
