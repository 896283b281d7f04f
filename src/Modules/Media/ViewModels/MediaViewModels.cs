using Modules.Media.Models;

namespace Modules.Media.ViewModels;

public sealed record MediaLibraryViewModel(IReadOnlyList<MediaFile> Items, string? Query, int Page, bool HasNext, string? Error, string? AltText);

public sealed record MediaEditViewModel(MediaFile File, bool MayChange, string? Error);

/// <summary>What the editor's upload gets back: the URL and a Markdown image to insert.</summary>
public sealed record MediaUploadAnswer(string Url, string AltText, int Width, int Height, string Markdown);
