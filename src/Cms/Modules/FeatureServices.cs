using System.Collections;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Modules;

/// <summary>
/// The service collection handed to a module's Startup; it knows which feature is registering,
/// so parts, drivers, permissions and recipe steps are tied to that feature.
/// </summary>
public sealed class FeatureServices(IServiceCollection inner, string featureId) : IServiceCollection
{
    public string FeatureId { get; } = featureId;

    public IServiceCollection Inner { get; } = inner;

    public ServiceDescriptor this[int index] { get => Inner[index]; set => Inner[index] = value; }
    public int Count => Inner.Count;
    public bool IsReadOnly => Inner.IsReadOnly;
    public void Add(ServiceDescriptor item) => Inner.Add(item);
    public void Clear() => Inner.Clear();
    public bool Contains(ServiceDescriptor item) => Inner.Contains(item);
    public void CopyTo(ServiceDescriptor[] array, int arrayIndex) => Inner.CopyTo(array, arrayIndex);
    public IEnumerator<ServiceDescriptor> GetEnumerator() => Inner.GetEnumerator();
    public int IndexOf(ServiceDescriptor item) => Inner.IndexOf(item);
    public void Insert(int index, ServiceDescriptor item) => Inner.Insert(index, item);
    public bool Remove(ServiceDescriptor item) => Inner.Remove(item);
    public void RemoveAt(int index) => Inner.RemoveAt(index);
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
