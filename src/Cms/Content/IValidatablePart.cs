namespace Cms.Content;

/// <summary>
/// A part that can check its own values. Its editor driver and the recipe content step both ask
/// it, so an import cannot store what the editor would refuse.
/// </summary>
public interface IValidatablePart
{
    /// <summary>Each problem with the name of the property it concerns (e.g. "Url").</summary>
    IEnumerable<PartError> Validate();
}

public sealed record PartError(string Property, string Message);
