using Cms.Display;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Content;

/// <summary>The code parts that modules registered, by name, with the feature that registered each.</summary>
public sealed class ContentPartOptions
{
    private readonly Dictionary<string, ContentPartRegistration> _parts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ContentPartRegistration> Parts => _parts.Values;

    public void Add(ContentPartRegistration registration) => _parts[registration.Name] = registration;

    public ContentPartRegistration? Find(string name) => _parts.GetValueOrDefault(name);
}

public sealed record ContentPartRegistration(string Name, Type PartType, string FeatureId);

/// <summary>Returned by AddContentPart so the driver is named beside the part.</summary>
public sealed class ContentPartBuilder<TPart>(FeatureServices services) where TPart : ContentPart, new()
{
    public ContentPartBuilder<TPart> UseDriver<TDriver>() where TDriver : ContentPartDisplayDriver<TPart>
    {
        services.AddFeatureBound<IContentPartDisplayDriver, TDriver>();
        return this;
    }
}

public static class ContentPartServiceExtensions
{
    public static ContentPartBuilder<TPart> AddContentPart<TPart>(this FeatureServices services) where TPart : ContentPart, new()
    {
        var featureId = services.FeatureId;
        services.Configure<ContentPartOptions>(o => o.Add(new ContentPartRegistration(typeof(TPart).Name, typeof(TPart), featureId)));
        return new ContentPartBuilder<TPart>(services);
    }

    /// <summary>Adds to items' page metadata while the registering feature is enabled.</summary>
    public static FeatureServices AddContentMetadataProvider<TProvider>(this FeatureServices services) where TProvider : class, IContentMetadataProvider
        => services.AddFeatureBound<IContentMetadataProvider, TProvider>();

    /// <summary>A content handler that runs only while the registering feature is enabled.</summary>
    public static FeatureServices AddContentHandler<THandler>(this FeatureServices services) where THandler : class, IContentHandler
        => services.AddFeatureBound<IContentHandler, THandler>();
}
