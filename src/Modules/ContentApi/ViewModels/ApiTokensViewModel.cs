using Microsoft.AspNetCore.Mvc.ModelBinding;
using Modules.ContentApi.Models;

namespace Modules.ContentApi.ViewModels;

/// <summary>The account's tokens page: the form to make one, the secret of one just made (shown this once), and the list.</summary>
public sealed class ApiTokensViewModel
{
    public static readonly IReadOnlyList<int> ExpiryChoices = [7, 30, 90, 365];

    public string? Name { get; set; }
    public string Scope { get; set; } = Security.ApiTokenAuthentication.ReadScope;
    public int ExpiresInDays { get; set; } = 30;

    [BindNever]
    public string? NewSecret { get; set; }

    [BindNever]
    public string? NewName { get; set; }

    [BindNever]
    public IReadOnlyList<ApiToken> Tokens { get; set; } = [];
}
