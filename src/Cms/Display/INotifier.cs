using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Cms.Display;

/// <summary>Messages for the next page the user sees ("Published.", "Saved as draft."), kept across a redirect.</summary>
public interface INotifier
{
    /// <summary>A success message, with the ways on from it ("View your site") as links after it.</summary>
    void Success(string message, params NoticeLink[] links);

    void Error(string message);

    /// <summary>Takes the pending messages (once); the layout shows them.</summary>
    IReadOnlyList<Notice> Take();
}

public sealed record Notice(string Kind, string Message, IReadOnlyList<NoticeLink>? Links = null);

/// <summary>A link shown after a notice's message; the URL is the site's own (a local path).</summary>
public sealed record NoticeLink(string Text, string Url);

public sealed class Notifier(IHttpContextAccessor accessor, ITempDataDictionaryFactory tempData) : INotifier
{
    private const string Key = "Cms.Notices";

    public void Success(string message, params NoticeLink[] links) => Add(new Notice("success", message, links.Length > 0 ? links : null));

    public void Error(string message) => Add(new Notice("error", message));

    public IReadOnlyList<Notice> Take()
    {
        var data = Data();
        if (data?[Key] is not string json)
        {
            return [];
        }

        return JsonSerializer.Deserialize<List<Notice>>(json) ?? [];
    }

    private void Add(Notice notice)
    {
        var data = Data() ?? throw new InvalidOperationException("Notices need a request.");
        var list = data.Peek(Key) is string json ? JsonSerializer.Deserialize<List<Notice>>(json) ?? [] : [];
        list.Add(notice);
        data[Key] = JsonSerializer.Serialize(list);
    }

    private ITempDataDictionary? Data()
        => accessor.HttpContext is { } context ? tempData.GetTempData(context) : null;
}
