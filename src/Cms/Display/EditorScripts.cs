using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Display;

/// <summary>
/// A script a feature adds to the content editor page (the Media module's upload button and drop zone):
/// <see cref="ContentItemEditor.Scripts"/> lists those of enabled features.
/// </summary>
public sealed record EditorScript(string Src);

public static class EditorScriptExtensions
{
    public static FeatureServices AddEditorScript(this FeatureServices services, string src)
    {
        var featureId = services.FeatureId;
        services.AddScoped(_ => new FeatureBound<EditorScript>(featureId, () => new EditorScript(src)));
        return services;
    }
}
