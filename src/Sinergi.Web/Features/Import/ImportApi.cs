using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Import;

/// <summary>A spreadsheet of agreements in, for programs: the same planning and saving as the Impor page and the verb.</summary>
public static class ImportApi
{
    public sealed record ImportRowDto(int Row, string? Number, string? Title, string Outcome, IReadOnlyList<ImportMessage> Messages);

    /// <param name="Notices">What the file says as a whole, in Bahasa Indonesia: rows under the table left out as notes and signatures, a missing number column.</param>
    public sealed record ImportResultDto(bool Saved, int Imported, int Updated, int Skipped, int Errors, string Summary,
        IReadOnlyList<string> NewPartners, IReadOnlyList<string> NewOpds, IReadOnlyList<ImportRowDto> Rows, IReadOnlyList<string> Notices);

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", ImportAsync).DisableAntiforgery().WithTags("Impor")
            .WithSummary("Impor berkas .xlsx/.xls/.csv (multipart 'file'); dryRun=true hanya memeriksa. Semua baris tersimpan, atau tidak sama sekali (422).");
        return api;
    }

    private static async Task<Results<Ok<ImportResultDto>, UnprocessableEntity<ImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, IOptions<UploadOptions> uploads, IFormFile? file,
        [FromForm] int? sheet, bool dryRun = false, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.AdminKerjaSama) || scope.RegionCode is null)
            return ApiResults.Forbidden("Hanya Admin Kerja Sama yang dapat mengimpor daftar kerja sama.");
        if (file is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = ["Sertakan berkas pada bagian 'file' dari formulir multipart."] });

        ImportPlan plan;
        await using (var content = file.OpenReadStream())
            plan = await ImportPlanner.PlanFileAsync(db, scope.RegionCode, file.FileName, content, uploads.Value.MaxBytes, sheet is int s ? s - 1 : null, ct: ct);
        if (plan.Error is not null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [plan.Error] });
        var saved = plan.CanSave && !dryRun;
        if (saved)
            await ImportSaver.SaveAsync(db, scope.RegionCode, plan, Actor.Of(user), ct: ct);
        var result = new ImportResultDto(saved, plan.Count(ImportOutcome.Create), plan.Count(ImportOutcome.Update), plan.Count(ImportOutcome.Unchanged),
            plan.Count(ImportOutcome.Error), plan.Summary, plan.NewPartners.Select(p => p.Name).ToList(), plan.NewOpds.Select(o => o.Name).ToList(),
            plan.Rows.Select(r => new ImportRowDto(r.RowNumber, r.Number, r.Title, r.Outcome.ToString(), r.Messages)).ToList(), plan.Notices);
        return plan.CanSave ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }
}
