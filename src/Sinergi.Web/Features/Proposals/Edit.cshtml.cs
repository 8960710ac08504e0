using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>A new proposal (an OPD's own, or the admin's record of an offer from outside), or the proposer's edit while it is in their stage.</summary>
public class EditModel(AppDbContext db, RegionScope scope, TimeProvider clock, ProposalNotifier notifier) : PageModel
{
    public sealed class ProposalInput
    {
        [Display(Name = "Jenis kerja sama")] public AgreementKind? Kind { get; set; }
        public string? Title { get; set; }
        public string? Background { get; set; }
        public string? Aims { get; set; }
        public string? Scope { get; set; }
        [Display(Name = "OPD penanggung jawab")] public int? OpdId { get; set; }
        [Display(Name = "Urusan")] public List<string> UrusanCodes { get; set; } = [];
        [Display(Name = "Mitra")] public List<int> PartnerIds { get; set; } = [];
        [Display(Name = "Rencana jangka waktu (bulan)")] public int? DurationMonths { get; set; }
        public string? Location { get; set; }
        public string? Benefits { get; set; }
        [Display(Name = "Pendanaan sudah tercantum dalam APBD tahun berjalan")] public bool FundedInApbd { get; set; }
        [Display(Name = "Membebani masyarakat")] public bool BurdensPublic { get; set; }
        [Display(Name = "Penawaran dari luar (surat penawaran)")] public bool FromOffer { get; set; }
        public string? OfferFrom { get; set; }
        public string? OfferLetterNumber { get; set; }
        [Display(Name = "Kesepakatan Bersama induk")] public int? ParentAgreementId { get; set; }
        [Display(Name = "Versi")] public int? Version { get; set; }
        public string? OverlapReason { get; set; }

        public ProposalDraft Draft() => new(Kind, Title, Background, Aims, Scope, OpdId, UrusanCodes, PartnerIds, DurationMonths, Location, Benefits,
            FundedInApbd, BurdensPublic, FromOffer, OfferFrom, OfferLetterNumber, ParentAgreementId, OverlapReason);
    }

    [BindProperty] public ProposalInput Input { get; set; } = new();
    /// <summary>The potential a new proposal starts from (Potensi daerah › "Buat usulan dari potensi ini"); the link is kept by Features/Potentials.</summary>
    [BindProperty(SupportsGet = true), Display(Name = "Potensi asal")] public int? Potential { get; set; }
    public string? PotentialName { get; private set; }
    public Proposal? Existing { get; private set; }
    public bool IsAdmin { get; private set; }
    public List<(int Id, string Name)> Opds { get; private set; } = [];
    public List<(int Id, string Name)> PartnerOptions { get; private set; } = [];
    public List<(string Code, string Name)> UrusanOptions { get; private set; } = [];
    public List<(int Id, string Name)> KbOptions { get; private set; } = [];
    /// <summary>What the proposal overlaps (tumpang tindih), shown when saving refused it for want of a reason.</summary>
    public List<Overlap> Overlaps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? kb)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        var caller = ProposalCaller.Of(User, scope);
        Input = Existing is { } p
            ? new ProposalInput
            {
                Kind = p.Kind, Title = p.Title, Background = p.Background, Aims = p.Aims, Scope = p.Scope, OpdId = p.OpdId, UrusanCodes = [.. p.Urusan.Select(u => u.Code)],
                PartnerIds = [.. p.Partners.Select(x => x.Id)], DurationMonths = p.DurationMonths, Location = p.Location, Benefits = p.Benefits,
                FundedInApbd = p.FundedInApbd, BurdensPublic = p.BurdensPublic, ParentAgreementId = p.ParentAgreementId, Version = p.Version,
                OverlapReason = p.OverlapReason,
            }
            : new ProposalInput { OpdId = caller.OpdId, ParentAgreementId = kb, FundedInApbd = true };
        if (Existing is null && Potential is int from && await Potentials.PotentialLinks.StartingPointAsync(db, caller, from) is { } potential)
        {
            var prefill = Potentials.PotentialLinks.PrefillOf(potential);
            Input.Title = prefill.Title;
            Input.Background = prefill.Background;
            Input.UrusanCodes = [prefill.UrusanCode];
            Input.Location = prefill.Location;
            PotentialName = potential.Name;
            if (IsAdmin || caller.OpdId == prefill.OpdId)
                Input.OpdId = prefill.OpdId;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        var caller = ProposalCaller.Of(User, scope);
        if (!ModelState.IsValid)
            return Page();
        if (Existing is null)
        {
            var (created, problems) = await Proposals.CreateAsync(db, caller, Input.Draft(), clock, notifier, HttpContext.RequestAborted);
            if (created is null)
            {
                await OverlapsAsync(caller, problems);
                ModelState.AddProblems(problems, nameof(Input), "");
                return Page();
            }
            await Potentials.PotentialLinks.LinkAsync(db, caller, Potential, created.Id, HttpContext.RequestAborted);
            TempData["Status"] = created.TrackingCode is { } code
                ? $"Usulan {created.Number} dicatat. Kode lacak untuk pengirim penawaran: {code} (halaman /lacak)."
                : $"Usulan {created.Number} dicatat.";
            return HttpContext.RedirectAfterPost($"/Proposals/Details/{created.Id}");
        }
        var changed = await Proposals.UpdateAsync(db, caller, Existing, Input.Draft(), Input.Version, HttpContext.RequestAborted);
        if (changed.Count > 0)
        {
            await OverlapsAsync(caller, changed);
            ModelState.AddProblems(changed, nameof(Input), "");
            return Page();
        }
        TempData["Status"] = "Usulan disimpan.";
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{Existing.Id}");
    }

    private async Task OverlapsAsync(ProposalCaller caller, Dictionary<string, string[]> problems)
    {
        if (problems.ContainsKey(nameof(ProposalDraft.OverlapReason)))
            Overlaps = await ProposalOverlap.FindAsync(db, caller.RegionCode!, Input.Draft() with { ParentAgreementId = Existing?.ParentAgreementId ?? Input.ParentAgreementId },
                Existing?.Id, RegionClock.Today(clock, caller.RegionCode), HttpContext.RequestAborted);
    }

    private async Task<IActionResult?> LoadAsync(int? id)
    {
        var caller = ProposalCaller.Of(User, scope);
        if (id is int pid)
        {
            Existing = await Proposals.LoadAsync(db, pid, HttpContext.RequestAborted);
            if (Existing is null || !caller.CanRead(Existing))
                return NotFound();
            if (!Proposals.CanEdit(caller, Existing))
                return Forbid();
        }
        else if (!caller.CanCreate)
            return Forbid();
        IsAdmin = caller.Is(Accounts.Roles.AdminKerjaSama);
        var region = scope.RegionCode;
        Opds = [.. (await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region && (IsAdmin || o.Id == caller.OpdId)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync()).Select(o => (o.Id, o.Name))];
        PartnerOptions = [.. (await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == region).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync()).Select(p => (p.Id, p.Name))];
        UrusanOptions = [.. (await db.Urusan.OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync()).Select(u => (u.Code, $"{u.Code} {u.Name}"))];
        KbOptions = [.. (await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == region && a.DocumentType == AgreementDocumentType.KesepakatanBersama
                && a.Lifecycle == AgreementLifecycle.Aktif).OrderBy(a => a.Title).Select(a => new { a.Id, a.Title, a.Number }).ToListAsync())
            .Select(a => (a.Id, a.Number is null ? a.Title : $"{a.Number} — {a.Title}"))];
        return null;
    }
}
