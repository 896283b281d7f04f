using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.PublishLater.ViewModels;

/// <summary>The "Publish at" field: a local date and time in the site's time zone, as a datetime-local input posts it.</summary>
public sealed class PublishLaterPartViewModel
{
    /// <summary>yyyy-MM-ddTHH:mm in the site's time zone; empty for no schedule.</summary>
    public string? PublishAt { get; set; }

    [BindNever]
    public string TimeZoneName { get; set; } = "";

    /// <summary>The stored schedule, in the site's time zone, for the line above the field.</summary>
    [BindNever]
    public DateTime? ScheduledLocal { get; set; }

    [BindNever]
    public string ContentItemId { get; set; } = "";
}

/// <summary>The scheduled drafts and the zone their times are shown in.</summary>
public sealed record ScheduledListViewModel(IReadOnlyList<Models.ScheduledPublication> Items, TimeZoneInfo Zone);
