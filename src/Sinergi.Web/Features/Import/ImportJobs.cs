using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Features.Import;

public enum ImportJobKind
{
    Plan,
    Save,
}

/// <summary>
/// Reads and saves imports in the background, one at a time, so a large file shows a progress
/// bar instead of a page that hangs. Progress lives in memory on the node that runs the job;
/// the outcome lives in the session row.
/// </summary>
public sealed class ImportJobs
{
    private readonly Channel<(Guid Session, ImportJobKind Kind)> _queue = Channel.CreateUnbounded<(Guid, ImportJobKind)>();
    private readonly ConcurrentDictionary<Guid, int> _progress = new();

    public ValueTask EnqueueAsync(Guid session, ImportJobKind kind)
    {
        _progress[session] = 0;
        return _queue.Writer.WriteAsync((session, kind));
    }

    /// <summary>Percent done of a running job, or null when none runs for the session here.</summary>
    public int? ProgressOf(Guid session) => _progress.TryGetValue(session, out var percent) ? percent : null;

    internal IAsyncEnumerable<(Guid Session, ImportJobKind Kind)> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);

    internal IProgress<int> Reporter(Guid session) => new Progress(this, session);

    internal void Finished(Guid session) => _progress.TryRemove(session, out _);

    private sealed class Progress(ImportJobs jobs, Guid session) : IProgress<int>
    {
        public void Report(int value) => jobs._progress[session] = Math.Clamp(value, 0, 100);
    }
}

/// <summary>Runs queued import jobs. A job cut off by a restart is marked failed; its transaction saved nothing.</summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportJobs jobs, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await RemoveExpiredAsync(stoppingToken);
        await foreach (var (session, kind) in jobs.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(session, kind, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import {Session} ({Kind}) failed", session, kind);
                await FailAsync(session, "Impor gagal karena kesalahan di server; tidak ada yang tersimpan. Coba lagi atau hubungi admin.", stoppingToken);
            }
            finally
            {
                jobs.Finished(session);
            }
        }
    }

    public static async Task RunAsync(IServiceProvider services, ImportJobs jobs, Guid id, ImportJobKind kind, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var session = await db.ImportSessions.SingleAsync(s => s.Id == id, ct);
        var maxBytes = services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes;
        ImportPlan plan;
        await using (var content = services.GetRequiredService<FileStore>().OpenRead(session.Sha256))
            plan = await ImportPlanner.PlanFileAsync(db, session.RegionCode, session.FileName, content, maxBytes,
                services.GetRequiredService<IOptions<ImportOptions>>().Value, session.SheetIndex,
                ImportPreview.MappingFromJson(session.MappingJson), kind == ImportJobKind.Plan ? jobs.Reporter(id) : null, ct,
                ImportValueMapping.FromJson(session.ValuesJson));

        if (kind == ImportJobKind.Save && plan.CanSave)
        {
            await ImportSaver.SaveAsync(db, session.RegionCode, plan, new Actor(session.UserId, session.UserName), jobs.Reporter(id), ct);
            db.ChangeTracker.Clear();
            session = await db.ImportSessions.SingleAsync(s => s.Id == id, ct);
            session.Status = ImportStatus.Tersimpan;
        }
        else if (kind == ImportJobKind.Save)
        {
            // The registry changed since the preview, and the file no longer saves cleanly.
            session.Status = ImportStatus.Siap;
            session.Error = "Data berubah sejak pratinjau dibuat dan kini ada baris yang bermasalah; tidak ada yang disimpan. Periksa pratinjau terbaru.";
        }
        else
        {
            session.Status = plan.Error is null ? ImportStatus.Siap : ImportStatus.Gagal;
            session.Error = plan.Error;
        }
        session.PreviewJson = ImportPreview.Of(plan).ToJson();
        session.Summary = plan.Summary;
        await db.SaveChangesAsync(ct);
    }

    private async Task RunAsync(Guid session, ImportJobKind kind, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await RunAsync(scope.ServiceProvider, jobs, session, kind, ct);
    }

    private async Task FailAsync(Guid session, string message, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.ImportSessions.Where(s => s.Id == session)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportStatus.Gagal).SetProperty(x => x.Error, message).SetProperty(x => x.UpdatedAt, db.UtcNow), ct);
    }

    /// <summary>Unsaved previews of every region past their time, as the Impor page removes its region's.</summary>
    private async Task RemoveExpiredAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        try
        {
            await ImportCleanup.RemoveExpiredAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<FileStore>(),
                services.GetRequiredService<IOptions<ImportOptions>>().Value, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            logger.LogWarning(e, "Could not remove expired import previews; the database may not be ready yet");
        }
    }

    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await db.ImportSessions.Where(s => s.Status == ImportStatus.Membaca || s.Status == ImportStatus.Menyimpan)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportStatus.Gagal)
                    .SetProperty(x => x.Error, "Impor terhenti karena server dimulai ulang; tidak ada yang tersimpan. Ulangi impor.")
                    .SetProperty(x => x.UpdatedAt, db.UtcNow), ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not mark interrupted imports; the database may not be ready yet");
        }
    }
}
