using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Tests.Infrastructure.Files;

public sealed class FileStoreTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("sinergi-files-").FullName;
    private readonly FileStore _store;

    public FileStoreTests() =>
        _store = new FileStore(Options.Create(new StorageOptions { DataDirectory = _dataDirectory }));

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private string FilesFolder => Path.Combine(_dataDirectory, "files");

    private string[] StoredPaths() =>
        Directory.GetFiles(FilesFolder, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(Path.Combine(FilesFolder, "tmp"), StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public async Task Hash_is_the_sha256_of_the_bytes_and_names_a_sharded_file()
    {
        var bytes = TestFiles.Fixture("perjanjian.docx");

        var stored = await _store.SaveAsync(new MemoryStream(bytes));

        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(expected, stored.Sha256);
        Assert.Equal(bytes.Length, stored.Length);
        var path = Path.Combine(FilesFolder, expected[..2], expected[2..4], expected);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Same_content_saved_twice_is_kept_once_under_the_same_hash()
    {
        var bytes = TestFiles.Fixture("nota-kesepakatan.pdf");

        var first = await _store.SaveAsync(new MemoryStream(bytes));
        var second = await _store.SaveAsync(new MemoryStream(bytes));

        Assert.Equal(first, second);
        Assert.Single(StoredPaths());
        Assert.Empty(Directory.GetFiles(Path.Combine(FilesFolder, "tmp")));
    }

    [Fact]
    public async Task Each_version_of_a_document_is_kept()
    {
        var first = await _store.SaveAsync(new MemoryStream(TestFiles.Docx("Versi pertama")));
        var second = await _store.SaveAsync(new MemoryStream(TestFiles.Docx("Versi kedua")));

        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.True(_store.Exists(first.Sha256));
        Assert.True(_store.Exists(second.Sha256));
        Assert.Equal(2, StoredPaths().Length);
    }

    [Fact]
    public async Task Open_read_returns_the_saved_bytes()
    {
        var bytes = TestFiles.Fixture("peta.png");
        var stored = await _store.SaveAsync(new MemoryStream(bytes));

        await using var read = _store.OpenRead(stored.Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void File_never_stored_is_not_found()
    {
        var missing = Convert.ToHexStringLower(SHA256.HashData("tidak pernah diunggah"u8));

        Assert.False(_store.Exists(missing));
        Assert.Throws<FileNotFoundException>(() => _store.OpenRead(missing));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("../sinergi.db")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/")]
    public void Malformed_hash_is_refused_before_touching_the_disk(string sha256)
    {
        Assert.False(FileStore.IsSha256(sha256));
        Assert.Throws<ArgumentException>(() => _store.Exists(sha256));
        Assert.Throws<ArgumentException>(() => _store.OpenRead(sha256));
    }

    [Fact]
    public async Task Upload_that_breaks_off_leaves_no_file_behind()
    {
        var broken = new BreaksAfter(TestFiles.Fixture("anggaran.xlsx"), bytes: 100);

        await Assert.ThrowsAsync<IOException>(() => _store.SaveAsync(broken));

        Assert.Empty(StoredPaths());
        Assert.Empty(Directory.GetFiles(Path.Combine(FilesFolder, "tmp")));
    }

    [Fact]
    public async Task Cancelled_save_leaves_no_file_behind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.SaveAsync(new MemoryStream(TestFiles.Fixture("foto.jpg")), cancelled.Token));

        Assert.Empty(StoredPaths());
        Assert.Empty(Directory.GetFiles(Path.Combine(FilesFolder, "tmp")));
    }

    /// <summary>A client that disconnects mid-upload: some bytes, then an I/O error.</summary>
    private sealed class BreaksAfter(byte[] content, int bytes) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= bytes
                ? throw new IOException("Koneksi terputus.")
                : base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, bytes - Position)], cancellationToken);
    }
}
