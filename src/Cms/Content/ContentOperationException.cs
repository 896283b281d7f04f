namespace Cms.Content;

/// <summary>A content operation that cannot be done in the item's state; the message is for the user.</summary>
public sealed class ContentOperationException(string message) : Exception(message)
{
}
