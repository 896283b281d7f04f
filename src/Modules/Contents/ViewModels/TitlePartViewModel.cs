namespace Modules.Contents.ViewModels;

/// <summary>A title as shown: in lists it links to the item's page.</summary>
public sealed record TitlePartViewModel(string Title, string? Url);
