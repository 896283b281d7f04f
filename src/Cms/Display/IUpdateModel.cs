using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cms.Display;

/// <summary>What an editor driver binds posted values with and reports errors to: the controller's model state.</summary>
public interface IUpdateModel
{
    ModelStateDictionary ModelState { get; }

    Task<bool> TryUpdateModelAsync<TModel>(TModel model, string prefix) where TModel : class;
}

/// <summary>Lets a controller serve as the updater for part editors.</summary>
public sealed class ControllerUpdateModel(ControllerBase controller) : IUpdateModel
{
    public ModelStateDictionary ModelState => controller.ModelState;

    public Task<bool> TryUpdateModelAsync<TModel>(TModel model, string prefix) where TModel : class
        => controller.TryUpdateModelAsync(model, prefix);
}
