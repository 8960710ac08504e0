using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>Documents, the TKKSD's votes and the cost table, from the proposal's page.</summary>
public partial class DetailsModel
{
    public sealed class CostInput
    {
        public string? Item { get; set; }
        [Display(Name = "Volume")] public decimal? Volume { get; set; }
        public string? Unit { get; set; }
        [Display(Name = "Harga satuan")] public decimal? UnitPrice { get; set; }
        public string? Source { get; set; }
    }

    [BindProperty] public CostInput Cost { get; set; } = new();

    public async Task<IActionResult> OnPostUploadAsync(int id, string? type, IFormFile? file, [FromServices] FileStore files, [FromServices] IOptions<UploadOptions> uploads)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!Caller.CanUpload(Proposal, Stage))
            return Forbid();
        if (file is null)
            return Refused("Pilih berkas yang akan diunggah.", false);
        await using var content = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        buffer.Position = 0;
        var (saved, problems) = await Proposals.UploadAsync(db, files, Caller, Proposal, type, file.FileName, buffer, uploads.Value.MaxBytes, HttpContext.RequestAborted);
        if (saved is null)
            return Refused(string.Join(" ", problems.Values.SelectMany(v => v)), false);
        TempData["Status"] = $"{ProposalDocumentTypes.Label(saved.Type)} versi {saved.Number} diunggah.";
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}#documents");
    }

    public async Task<IActionResult> OnPostRejectDocumentAsync(int id, int documentId, string? reason)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (await Proposals.RejectDocumentAsync(db, Caller, Proposal, documentId, reason, HttpContext.RequestAborted) is { } error)
            return Refused(error, Stage is null || !Caller.ActsIn(Proposal, Stage));
        TempData["Status"] = "Versi dokumen ditolak; berkasnya tetap tersimpan.";
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}#documents");
    }

    public async Task<IActionResult> OnPostVoteAsync(int id, Dictionary<string, int> scores, string? opinion)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!Caller.Is(Accounts.Roles.Tkksd))
            return Forbid();
        var (vote, problems) = await ProposalVotes.CastAsync(db, Caller, Proposal, scores, opinion, HttpContext.RequestAborted);
        if (vote is null)
            return Refused(string.Join(" ", problems.Values.SelectMany(v => v)), false);
        TempData["Status"] = "Penilaian Anda tersimpan.";
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}#assessment");
    }

    public async Task<IActionResult> OnPostCostAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!Caller.CanUpload(Proposal, Stage))
            return Forbid();
        var item = Text.Clean(Cost.Item);
        var unit = Text.Clean(Cost.Unit);
        var source = Text.Clean(Cost.Source);
        if (item is null || unit is null || source is null || Cost.Volume is not > 0 || Cost.UnitPrice is not >= 0
            || item.Length > 300 || unit.Length > 40 || source.Length > 60 || Cost.Volume > 1_000_000_000 || Cost.UnitPrice > 1_000_000_000_000_000)
            return Refused("Isi rincian biaya lengkap: uraian, volume lebih dari 0, satuan, harga satuan (Rupiah) dan sumber dana.", false);
        db.ProposalCostItems.Add(new ProposalCostItem { ProposalId = id, Item = item, Volume = Cost.Volume.Value, Unit = unit, UnitPrice = Math.Round(Cost.UnitPrice.Value), Source = source });
        db.AuditEvents.Add(Audit.AuditTrail.Entry(db, Proposal.RegionCode, Audit.AuditEntities.Proposal, id, Audit.AuditActions.Changed,
            [new Audit.AuditChange("Rincian biaya", null, $"{item}: {Cost.Volume} {unit} × {Indonesian.Rupiah(Cost.UnitPrice.Value)} ({source})")], Caller.Actor));
        await db.SaveChangesAsync();
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}#costs");
    }
}
