using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Import;

/// <summary>
/// A spreadsheet of agreements in, for programs: the same planning and saving as the Impor page and
/// the verb. The answer stays small whatever the file holds: the counts, the first rows with a
/// message (<see cref="ImportOptions.MaxProblemsInAnswer"/>, errors first), and a link to the full
/// report, kept with an import session as the page keeps it.
/// </summary>
public static class ImportApi
{
    public sealed record ImportRowDto(int Row, string? Number, string? Title, string Outcome, IReadOnlyList<ImportMessage> Messages);

    /// <param name="Notices">What the file says as a whole, in Bahasa Indonesia: rows under the table left out as notes and signatures, a missing number column.</param>
    /// <param name="Problems">Rows with an error or a warning, those with an error first, at most <see cref="ImportOptions.MaxProblemsInAnswer"/>.</param>
    /// <param name="ProblemCount">All rows with an error or a warning.</param>
    /// <param name="Report">Every row with its outcome and messages, as a workbook.</param>
    /// <param name="Session">The import on the Impor page, where the preview can also be saved.</param>
    public sealed record ImportResultDto(bool Saved, int Rows, int Imported, int Updated, int Skipped, int Errors, string Summary,
        int NewPartnerCount, IReadOnlyList<string> NewPartners, int NewOpdCount, IReadOnlyList<string> NewOpds,
        int ProblemCount, IReadOnlyList<ImportRowDto> Problems, string Report, string Session, IReadOnlyList<string> Notices);

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", ImportAsync).DisableAntiforgery().WithTags("Impor")
            .WithSummary("Impor berkas .xlsx/.xls/.csv (multipart 'file'); dryRun=true hanya memeriksa. Semua baris tersimpan, atau tidak sama sekali (422). "
                + "Jawaban berisi jumlah, baris bermasalah pertama dan tautan laporan lengkap.");
        api.MapPost("/imports/budget-lines", ImportBudgetLinesAsync).DisableAntiforgery().WithTags("Impor")
            .WithSummary("Impor baris anggaran dari .xlsx/.xls/.csv (multipart 'file'): nomor perjanjian, tahun, kode, pagu, realisasi; dryRun=true hanya memeriksa. "
                + "Semua baris tersimpan, atau tidak sama sekali (422), kecuali baris bergalat yang disebut di leaveOut (mis. \"3,5\"). Operator OPD hanya untuk kerja sama OPD-nya.");
        api.MapGet("/imports/{id:guid}/report", ReportAsync).WithTags("Impor")
            .WithSummary("Laporan lengkap satu impor (.xlsx): setiap baris dengan hasil, galat dan peringatannya");
        return api;
    }

    private static async Task<Results<Ok<ImportResultDto>, UnprocessableEntity<ImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, FileStore files, IOptions<UploadOptions> uploads, IOptions<ImportOptions> limits,
        IFormFile? file, [FromForm] int? sheet, bool dryRun = false, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.AdminKerjaSama) || scope.RegionCode is null)
            return ApiResults.Forbidden("Hanya Admin Kerja Sama yang dapat mengimpor daftar kerja sama.");
        if (file is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = ["Sertakan berkas pada bagian 'file' dari formulir multipart."] });

        await using var content = file.OpenReadStream();
        var plan = await ImportPlanner.PlanFileAsync(db, scope.RegionCode, file.FileName, content, uploads.Value.MaxBytes, limits.Value,
            sheet is int s ? s - 1 : null, ct: ct);
        if (plan.Error is not null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [plan.Error] });
        var saved = plan.CanSave && !dryRun;
        if (saved)
            await ImportSaver.SaveAsync(db, scope.RegionCode, plan, Actor.Of(user), ct: ct);

        content.Position = 0;
        var session = await KeepAsync(db, files, scope.RegionCode, Actor.Of(user), file.FileName, content, plan, saved, ct);
        var result = Answer(plan, saved, session, limits.Value.MaxProblemsInAnswer);
        return plan.CanSave ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    public sealed record BudgetRowDto(int Row, string? AgreementNumber, int? AgreementId, int? FiscalYear, string? Code, decimal? Planned, decimal? Realised,
        string Outcome, IReadOnlyList<ImportMessage> Messages);

    /// <param name="Rows">Every row of the file with its outcome and messages, at most <see cref="ImportOptions.MaxProblemsInAnswer"/>, rows with an error first.</param>
    public sealed record BudgetImportResultDto(bool Saved, int RowCount, int Imported, int Updated, int Skipped, int Errors, string Summary, IReadOnlyList<int> LeftOut,
        IReadOnlyList<BudgetRowDto> Rows);

    private static async Task<Results<Ok<BudgetImportResultDto>, UnprocessableEntity<BudgetImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportBudgetLinesAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, IOptions<UploadOptions> uploads, IOptions<ImportOptions> limits,
        IFormFile? file, [FromForm] string? leaveOut, bool dryRun = false, CancellationToken ct = default)
    {
        if (scope.RegionCode is null || !(user.IsInRole(Roles.AdminKerjaSama) || (user.IsInRole(Roles.OpdOperator) && scope.OpdId is not null)))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama dan Operator OPD yang dapat mengimpor baris anggaran.");
        if (file is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = ["Sertakan berkas pada bagian 'file' dari formulir multipart."] });
        if (BudgetImport.RowList(leaveOut) is not { } rows)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["leaveOut"] = ["Tulis nomor baris yang tidak disimpan dipisah koma, mis. \"3,5\"."] });

        await using var content = file.OpenReadStream();
        var plan = await BudgetImport.PlanFileAsync(db, Sinergi.Features.Agreements.AgreementChanges.Recorder.Of(user, scope), file.FileName, content,
            uploads.Value.MaxBytes, limits.Value, ct);
        if (plan.Error is not null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [plan.Error] });
        var canSave = plan.CanSaveWithout(rows);
        var saved = canSave && !dryRun;
        if (saved)
            await BudgetImport.SaveAsync(db, plan, Actor.Of(user), rows, ct);
        var result = new BudgetImportResultDto(saved, plan.Rows.Count, plan.Count(ImportOutcome.Create), plan.Count(ImportOutcome.Update),
            plan.Count(ImportOutcome.Unchanged), plan.Count(ImportOutcome.Error), plan.Summary, canSave ? rows : [],
            plan.Rows.OrderByDescending(r => r.HasErrors).ThenBy(r => r.RowNumber).Take(limits.Value.MaxProblemsInAnswer)
                .Select(r => new BudgetRowDto(r.RowNumber, r.AgreementNumber, r.AgreementId, r.FiscalYear, r.Code, r.Planned, r.Realised, r.Outcome.ToString(), r.Messages))
                .ToList());
        return canSave ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ReportAsync(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.AdminKerjaSama))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama yang dapat membaca laporan impor.");
        var session = await db.ImportSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.FileName, s.Status, s.PreviewJson }).SingleOrDefaultAsync(ct);
        if (ImportPreview.FromJson(session?.PreviewJson) is not { } preview)
            return ApiResults.NotFound("Laporan impor");
        return TypedResults.File(ImportReport.Xlsx(preview, session!.Status == ImportStatus.Tersimpan), ImportReport.ContentType, ImportReport.FileName(session.FileName));
    }

    /// <summary>The file and its preview, as the page keeps them, so the report can be downloaded and the preview opened.</summary>
    private static async Task<Guid> KeepAsync(AppDbContext db, FileStore files, string regionCode, Actor actor, string fileName, Stream content,
        ImportPlan plan, bool saved, CancellationToken ct)
    {
        var stored = await files.SaveAsync(content, ct);
        var session = new ImportSession
        {
            Id = Guid.NewGuid(),
            RegionCode = regionCode,
            UserId = actor.UserId,
            UserName = actor.Name,
            FileName = Path.GetFileName(fileName.Replace('\\', '/')),
            Sha256 = stored.Sha256,
            Size = stored.Length,
            Status = saved ? ImportStatus.Tersimpan : ImportStatus.Siap,
            PreviewJson = ImportPreview.Of(plan).ToJson(),
            Summary = plan.Summary,
        };
        db.ImportSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    private static ImportResultDto Answer(ImportPlan plan, bool saved, Guid session, int maxProblems)
    {
        var problems = plan.Rows.Where(r => r.Messages.Count > 0).ToList();
        return new ImportResultDto(saved, plan.Rows.Count, plan.Count(ImportOutcome.Create), plan.Count(ImportOutcome.Update), plan.Count(ImportOutcome.Unchanged),
            plan.Count(ImportOutcome.Error), plan.Summary,
            plan.NewPartners.Count, plan.NewPartners.Take(maxProblems).Select(p => p.Name).ToList(),
            plan.NewOpds.Count, plan.NewOpds.Take(maxProblems).Select(o => o.Name).ToList(),
            problems.Count,
            problems.OrderByDescending(r => r.HasErrors).ThenBy(r => r.RowNumber).Take(maxProblems)
                .Select(r => new ImportRowDto(r.RowNumber, r.Number, r.Title, r.Outcome.ToString(), r.Messages)).ToList(),
            $"/api/v1/imports/{session}/report", $"/Import/Session/{session}", plan.Notices);
    }
}
