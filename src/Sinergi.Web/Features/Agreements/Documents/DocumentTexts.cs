using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Data;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Features.Agreements.Documents;

/// <summary>
/// The versions whose text is still to be read, in upload order. An upload is stored and answered at
/// once; <see cref="DocumentTextWorker"/> reads its text here, one document at a time, so a heavy
/// document costs one core for a bounded time and never a request.
/// </summary>
public sealed class DocumentTexts
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    // One for the worker's look, at start, for versions a restart left unread.
    private int _outstanding = 1;
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Enqueue(int versionId)
    {
        lock (_gate)
        {
            if (_outstanding++ == 0)
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _queue.Writer.TryWrite(versionId);
    }

    /// <summary>
    /// Completes once the worker has looked for unread versions at start and every version queued
    /// so far has been read. For the tests and the benchmark, which would otherwise have to guess
    /// how long to wait.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken ct = default)
    {
        lock (_gate)
            return _idle.Task.WaitAsync(ct);
    }

    internal IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);

    internal void Done()
    {
        lock (_gate)
        {
            if (--_outstanding == 0)
                _idle.TrySetResult();
        }
    }

}

/// <summary>
/// Reads the text of uploaded versions within <see cref="TextExtractionOptions"/>, records how far
/// it got, and refreshes the agreement's search text so its words are found. At start it queues
/// the versions a restart left unread; reading one twice (two nodes starting together) writes the
/// same result twice.
/// </summary>
public sealed class DocumentTextWorker(IServiceScopeFactory scopes, DocumentTexts queue, ILogger<DocumentTextWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await QueueUnreadAsync(stoppingToken);
        }
        finally
        {
            queue.Done();
        }
        await foreach (var versionId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await ReadAsync(scope.ServiceProvider, versionId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The version stays pending and is read again at the next start.
                logger.LogError(e, "Reading the text of document version {Version} failed", versionId);
            }
            finally
            {
                queue.Done();
            }
        }
    }

    /// <summary>Reads one version's text and makes its words searchable; does nothing when it is no longer pending.</summary>
    public static async Task ReadAsync(IServiceProvider services, int versionId, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var version = await db.DocumentVersions.Include(v => v.Document).SingleOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null || version.TextState != DocumentTextState.Pending)
            return;
        var files = services.GetRequiredService<FileStore>();
        var kind = DocumentKinds.FromContentType(version.ContentType);
        if (kind is null || !files.Exists(version.Sha256))
            version.TextState = DocumentTextState.Unreadable; // nothing to read: whatever text it has stays
        else
        {
            ExtractedText extracted;
            await using (var content = files.OpenRead(version.Sha256))
                extracted = TextExtractor.Extract(content, kind.Value, services.GetRequiredService<IOptions<TextExtractionOptions>>().Value,
                    services.GetRequiredService<TimeProvider>(), ct);
            version.Text = kind is DocumentKind.Jpeg or DocumentKind.Png ? null : extracted.Text;
            version.TextState = extracted.Unreadable ? DocumentTextState.Unreadable : extracted.Truncated ? DocumentTextState.Partial : DocumentTextState.Done;
            version.TextNote = extracted.Limit;
        }

        var agreement = await db.Agreements.WithLists().AsNoTracking().SingleOrDefaultAsync(a => a.Id == version.Document!.AgreementId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (agreement is not null)
        {
            await SearchIndex.RefreshAsync(db, agreement, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private async Task QueueUnreadAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unread = await db.DocumentVersions.Where(v => v.TextState == DocumentTextState.Pending).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
            foreach (var id in unread)
                queue.Enqueue(id);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not look for document versions left unread; the database may not be ready yet");
        }
    }
}

public static class DocumentsSetup
{
    /// <summary>The queue and the background reader of uploaded documents' text.</summary>
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentTexts>();
        builder.Services.AddHostedService<DocumentTextWorker>();
        return builder;
    }
}
