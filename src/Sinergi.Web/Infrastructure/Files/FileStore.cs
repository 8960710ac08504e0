using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sinergi.Data;

namespace Sinergi.Infrastructure.Files;

/// <summary>A file as kept: the lowercase hex SHA-256 of its bytes, which is also its name, and its length.</summary>
public sealed record StoredFile(string Sha256, long Length);

/// <summary>
/// Content-addressed files under <c>&lt;DataDirectory&gt;/files/</c>, named by their SHA-256 and
/// sharded as <c>files/ab/cd/abcd…</c>. The same bytes are kept once however often they are saved,
/// and a stored file never changes, so every version of a document stays readable. All disk
/// access goes through this class, so object storage can take its place later.
/// </summary>
public sealed class FileStore
{
    private const int BufferSize = 81920;
    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    private readonly string _root;

    public FileStore(IOptions<StorageOptions> storage) =>
        _root = Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "files");

    /// <summary>True for 64 lowercase hex digits, the only names this store hands out or opens.</summary>
    public static bool IsSha256(string? value) =>
        value is { Length: 64 } && !value.AsSpan().ContainsAnyExcept(LowercaseHex);

    /// <summary>
    /// Copies <paramref name="content"/> (from its current position) to a temporary file while
    /// hashing it, then moves it into place in one rename. A reader never sees half a file, and
    /// content already stored is not written twice.
    /// </summary>
    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temporaryFolder = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(temporaryFolder);
        var temporary = Path.Combine(temporaryFolder, $"{Guid.NewGuid():N}.part");
        try
        {
            var (sha256, length) = await CopyAndHashAsync(content, temporary, cancellationToken);
            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Saved before, or by a concurrent upload of the same bytes: same content, same file.
            }
            return new StoredFile(sha256, length);
        }
        finally
        {
            File.Delete(temporary); // nothing left to delete once it has been moved
        }
    }

    /// <summary>Opens a stored file for reading. Throws <see cref="FileNotFoundException"/> when it is not stored.</summary>
    public Stream OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"No stored file has the SHA-256 {sha256}.", path);
        }
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>
    /// Removes a stored file, for a caller that has made sure nothing refers to its content any
    /// more; a file that is not there is no error.
    /// </summary>
    public void Delete(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
            File.Delete(path);
    }

    private string PathOf(string sha256)
    {
        if (!IsSha256(sha256))
            throw new ArgumentException("A stored file is named by 64 lowercase hex digits.", nameof(sha256));
        return Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
    }

    private static async Task<(string Sha256, long Length)> CopyAndHashAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize,
                FileOptions.Asynchronous);
            long length = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
            await file.FlushAsync(cancellationToken);
            // On disk before the rename makes it visible: a crash must not leave a named, empty file.
            file.Flush(flushToDisk: true);
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
