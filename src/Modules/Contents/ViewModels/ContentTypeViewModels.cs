using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Contents.ViewModels;

/// <summary>Every content type with its settings and parts.</summary>
public sealed class ContentTypesViewModel
{
    [BindNever]
    public required IReadOnlyList<ContentTypeEntry> Types { get; init; }
}

/// <summary>A type as the admin shows it: names, settings (Creatable, Draftable, ...) and its parts in order.</summary>
public sealed record ContentTypeEntry(string Name, string DisplayName, IReadOnlyList<SettingValue> Settings, IReadOnlyList<TypePartEntry> Parts, int ItemCount);

/// <summary>A part on a type, with each setting that exists (grouped by settings object, e.g. AutoroutePartSettings).</summary>
public sealed record TypePartEntry(string Name, string PartName, IReadOnlyList<SettingValue> Settings);

/// <summary>
/// One scalar setting: the object it belongs to ("AutoroutePartSettings"), its key ("Pattern"), its value as
/// text and whether it is a yes/no value. Posted as "{Group}.{Key}".
/// </summary>
public sealed record SettingValue(string Group, string Key, string Value, bool IsBoolean, bool IsNumber = false)
{
    public string FieldName => $"{Group}.{Key}";
}

/// <summary>One type's page: its parts with their settings forms, and the parts that may be attached.</summary>
public sealed class ContentTypeViewModel
{
    [BindNever]
    public required ContentTypeEntry Type { get; init; }

    [BindNever]
    public required IReadOnlyList<string> AttachableParts { get; init; }

    /// <summary>The part whose removal waits for confirmation, with the reason.</summary>
    [BindNever]
    public string? ConfirmRemoval { get; init; }
}
