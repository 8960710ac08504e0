using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Cli;
using Sinergi.Data;

namespace Sinergi.Features.Import;

/// <summary>
/// <c>import &lt;file&gt; --region &lt;code&gt; [--dry-run] [--sheet N] [--mode budget [--leave-out 3,5]]</c>: the same planning and saving as
/// the Impor page, for a whole file at once. Ends with <c>imported=N updated=N skipped=N errors=N</c>;
/// exits 1 and saves nothing when any row has an error (in budget mode: unless exactly those rows are left out).
/// </summary>
internal static class ImportVerb
{
    private const long MaxBytes = 500L * 1024 * 1024;

    public static async Task<int> RunAsync(IServiceProvider root, VerbArguments args, TextWriter output)
    {
        var path = args.Positional.FirstOrDefault() ?? throw new VerbException("Sebutkan berkas yang diimpor: import <berkas> --region <kode>.", 2);
        var regionCode = args.Required("region");
        if (!File.Exists(path))
            throw new VerbException($"Berkas {path} tidak ditemukan.", 2);
        int? sheet = args.Optional("sheet") is { } text ? int.TryParse(text, out var n) && n >= 1 ? n - 1 : throw new VerbException("--sheet harus nomor lembar, mulai dari 1.", 2) : null;

        using var scope = root.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode))
            throw new VerbException($"Wilayah dengan kode '{regionCode}' tidak ada.", 2);

        switch (args.Optional("mode"))
        {
            case null or "agreements":
                break;
            case "budget":
                return await RunBudgetAsync(scope.ServiceProvider, db, args, path, regionCode, output);
            default:
                throw new VerbException("--mode harus \"agreements\" (daftar kerja sama) atau \"budget\" (baris anggaran).", 2);
        }

        ImportPlan plan;
        await using (var content = File.OpenRead(path))
            plan = await ImportPlanner.PlanFileAsync(db, regionCode, Path.GetFileName(path), content, MaxBytes,
                scope.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value, sheet);
        await PrintAsync(output, plan);
        if (!plan.CanSave)
        {
            await output.WriteLineAsync("Tidak ada yang disimpan karena ada galat.");
            await output.WriteLineAsync(plan.Summary);
            return 1;
        }
        if (args.Has("dry-run"))
        {
            await output.WriteLineAsync("Uji coba (--dry-run): tidak ada yang disimpan.");
        }
        else if (!plan.HasChanges)
        {
            await output.WriteLineAsync("Tidak ada yang perlu disimpan: semua baris sama dengan yang sudah tercatat.");
        }
        else
        {
            try
            {
                await ImportSaver.SaveAsync(db, regionCode, plan, new Actor(null, "Impor baris perintah"));
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // The transaction rolled back: say so plainly, with the database's reason for the operator.
                throw new VerbException($"Penyimpanan ditolak basis data, sehingga tidak ada yang disimpan: {e.InnerException?.Message ?? e.Message}", 1);
            }
            await output.WriteLineAsync($"Tersimpan ke wilayah {regionCode}.");
        }
        await output.WriteLineAsync(plan.Summary);
        return 0;
    }

    /// <summary>Budget lines, as the Impor baris anggaran page reads and saves them, with the admin's rights over the region's agreements.</summary>
    private static async Task<int> RunBudgetAsync(IServiceProvider services, AppDbContext db, VerbArguments args, string path, string regionCode, TextWriter output)
    {
        if (BudgetImport.RowList(args.Optional("leave-out")) is not { } leftOut)
            throw new VerbException("--leave-out berisi nomor baris dipisah koma, mis. 3,5.", 2);
        var actor = new Actor(null, "Impor baris perintah");
        BudgetImportPlan plan;
        await using (var content = File.OpenRead(path))
            plan = await BudgetImport.PlanFileAsync(db, new Sinergi.Features.Agreements.AgreementChanges.Recorder(regionCode, true, null, actor), Path.GetFileName(path),
                content, MaxBytes, services.GetRequiredService<IOptions<ImportOptions>>().Value);
        if (plan.Error is not null)
            await output.WriteLineAsync($"galat: {plan.Error}");
        else
            await output.WriteLineAsync($"Lembar \"{plan.SheetName}\": {string.Join(", ", plan.Columns.Select(c => $"{c.Header} → {BudgetImport.Label(c.Field)}"))}");
        foreach (var row in plan.Rows)
            foreach (var message in row.Messages)
                await output.WriteLineAsync($"baris {row.RowNumber} [{message.Column}] {(message.IsError ? "galat" : "peringatan")}: {message.Text}");
        if (!plan.CanSaveWithout(leftOut))
        {
            await output.WriteLineAsync(leftOut.Count > 0 && plan.Error is null
                ? $"Tidak ada yang disimpan: --leave-out harus menyebut tepat baris yang bermasalah ({string.Join(",", plan.ErrorRows)})."
                : "Tidak ada yang disimpan karena ada galat.");
            await output.WriteLineAsync(plan.Summary);
            return 1;
        }
        if (args.Has("dry-run"))
            await output.WriteLineAsync("Uji coba (--dry-run): tidak ada yang disimpan.");
        else if (!plan.HasChanges)
            await output.WriteLineAsync("Tidak ada yang perlu disimpan: semua baris sama dengan yang sudah tercatat.");
        else
        {
            await BudgetImport.SaveAsync(db, plan, actor, leftOut);
            await output.WriteLineAsync($"Tersimpan ke wilayah {regionCode}" + (leftOut.Count > 0 ? $"; baris {string.Join(",", leftOut)} tidak disimpan." : "."));
        }
        await output.WriteLineAsync(plan.Summary);
        return 0;
    }

    private static async Task PrintAsync(TextWriter output, ImportPlan plan)
    {
        if (plan.Header is { Found: true } header)
        {
            await output.WriteLineAsync($"Lembar \"{plan.SheetName}\", judul kolom di baris {header.HeaderRow + 1}:");
            foreach (var column in header.Columns)
                await output.WriteLineAsync($"  {column.Header} → {(plan.Mapping.TryGetValue(column.Index, out var field) ? ImportColumns.Label(field) : "(tidak dibaca)")}");
            foreach (var warning in header.Warnings)
                await output.WriteLineAsync($"  peringatan: {warning}");
        }
        foreach (var notice in plan.Notices)
            await output.WriteLineAsync($"catatan: {notice}");
        if (plan.Error is not null)
            await output.WriteLineAsync($"galat: {plan.Error}");
        foreach (var row in plan.Rows.Where(r => r.Messages.Count > 0))
        {
            foreach (var message in row.Messages)
                await output.WriteLineAsync($"baris {row.RowNumber} [{message.Column}] {(message.IsError ? "galat" : "peringatan")}: {message.Text}");
        }
        foreach (var partner in plan.NewPartners)
            await output.WriteLineAsync($"mitra baru: {partner.Name} ({Sinergi.Features.Partners.Partner.Label(partner.Type)})");
        foreach (var opd in plan.NewOpds)
            await output.WriteLineAsync($"OPD baru: {opd.Name}");
    }
}
