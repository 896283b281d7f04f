using System.Text.Json.Nodes;
using Cms.Recipes.Export;
using Modules.Contents.Services;

namespace Modules.Contents.Recipes;

/// <summary>The redirect table in the site's export, as the <see cref="RedirectsStep"/> reads it back.</summary>
public sealed class RedirectsExportStep(Redirects redirects) : IRecipeExportStep
{
    /// <summary>Redirects name the items they lead to, so they follow the content step.</summary>
    public bool AfterContent => true;

    public async Task<JsonObject?> ExportAsync()
    {
        var rows = await redirects.ListAsync();
        if (rows.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var row in rows)
        {
            var json = new JsonObject { ["From"] = row.FromPath };
            if (row.ContentItemId is not null)
            {
                json["ContentItemId"] = row.ContentItemId;
            }
            else
            {
                json["To"] = row.ToPath;
            }

            array.Add(json);
        }

        return new JsonObject { ["name"] = "Redirects", ["Redirects"] = array };
    }
}
