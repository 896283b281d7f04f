using Cms.Content;

namespace Modules.Comments.Models;

/// <summary>
/// Commenting on an item: attach it to a type to give that type's items a thread. <see cref="Open"/>
/// is the item's own switch; the site may also close threads some days after publication.
/// </summary>
public sealed class CommentsPart : ContentPart
{
    public bool Open { get; set; } = true;
}
