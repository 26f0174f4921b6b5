using System.Security.Cryptography;
using BioSirk.Portal.Platform.Contracts;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Platform.Files;

public sealed class FileStoreOptions
{
    public const string Section = "Files";

    public string Folder { get; set; } = "data/files";
}

internal sealed class DiskFileStore(IOptions<FileStoreOptions> options) : IFileStore
{
    public async Task<StoredFile> SaveAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            size += read;
        }

        return new StoredFile(id, FileTypes.NameFor(fileName, contentType), contentType, size, Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant());
    }

    public Task<Stream?> OpenAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(fileId);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null);
    }

    public Task DeleteAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(fileId);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    // Two-level fan-out keeps folders small; the name is the id alone, so a user's file name never reaches the disk.
    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(Path.GetFullPath(options.Value.Folder), name[..2], name);
    }
}
