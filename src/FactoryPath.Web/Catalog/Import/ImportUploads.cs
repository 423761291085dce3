using System.Security.Cryptography;
using System.Text.Json;
using FactoryPath.Core.Catalog.Import;
using FactoryPath.Web.Platform;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>An uploaded file kept for a short while, so the user can import it after reading the report without uploading it again.</summary>
public sealed record ImportUpload(string Token, string UserId, PoolKind Kind, string FileName, DateTime SavedAt, byte[] Content);

/// <summary>
/// Keeps uploaded import files under &lt;data directory&gt;/imports with a random token, readable only by the user who
/// uploaded them, for <see cref="Lifetime"/>. Older files are removed whenever a new one is saved.
/// </summary>
public sealed class ImportUploads(IOptions<PlatformOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private string Folder => Path.Combine(options.Value.ResolveDataDirectory(), "imports");

    public async Task<string> SaveAsync(string userId, PoolKind kind, string fileName, byte[] content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var meta = new Meta(userId, kind, Path.GetFileName(fileName), clock.GetUtcNow().UtcDateTime);
        await File.WriteAllBytesAsync(DataPath(token), content, ct);
        await File.WriteAllTextAsync(MetaPath(token), JsonSerializer.Serialize(meta), ct);
        return token;
    }

    /// <summary>The upload with this token if it belongs to <paramref name="userId"/> and has not expired; otherwise null.</summary>
    public async Task<ImportUpload?> FindAsync(string? token, string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 32 || !token.All(Uri.IsHexDigit)) return null;
        if (!File.Exists(MetaPath(token)) || !File.Exists(DataPath(token))) return null;
        var meta = JsonSerializer.Deserialize<Meta>(await File.ReadAllTextAsync(MetaPath(token), ct));
        if (meta is null || meta.UserId != userId || clock.GetUtcNow().UtcDateTime - meta.SavedAt > Lifetime) return null;
        return new ImportUpload(token, meta.UserId, meta.Kind, meta.FileName, meta.SavedAt, await File.ReadAllBytesAsync(DataPath(token), ct));
    }

    public void Remove(string token)
    {
        File.Delete(DataPath(token));
        File.Delete(MetaPath(token));
    }

    private void RemoveExpired()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
            {
                try { File.Delete(file); } catch (IOException) { /* in use; next time */ }
            }
        }
    }

    private string DataPath(string token) => Path.Combine(Folder, token + ".upload");

    private string MetaPath(string token) => Path.Combine(Folder, token + ".json");

    private sealed record Meta(string UserId, PoolKind Kind, string FileName, DateTime SavedAt);
}
