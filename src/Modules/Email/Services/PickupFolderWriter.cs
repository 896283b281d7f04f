using MimeKit;

namespace Modules.Email.Services;

/// <summary>Writes messages as .eml files, named by UTC time to the tick so a folder listing sorts by time.</summary>
public static class PickupFolderWriter
{
    public static async Task<string> WriteAsync(MimeMessage message, string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);

        // The GUID keeps two messages of the same tick apart.
        var name = $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'.'fffffff'Z'}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(folder, name);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        // Whoever reads *.eml from the folder never sees half a message.
        File.Move(temp, path);
        return path;
    }
}
