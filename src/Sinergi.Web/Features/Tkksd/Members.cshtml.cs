using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>The register: members on a day (today, or <c>?on=</c>) with their lokus OPDs, past members, the SKs; the admin keeps it.</summary>
public class MembersModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class MemberInput
    {
        [Display(Name = "Akun pengguna")] public string? UserId { get; set; }
        [Display(Name = "Kedudukan")] public TkksdPosition Position { get; set; } = TkksdPosition.Anggota;
        public string? Office { get; set; }
        [Display(Name = "Mulai")] public DateOnly? StartsOn { get; set; }
        [Display(Name = "SK")] public int? DecreeId { get; set; }
    }

    public sealed class DecreeInput
    {
        public string? Number { get; set; }
        [Display(Name = "Tanggal SK")] public DateOnly? IssuedOn { get; set; }
        [Display(Name = "Awal masa tugas")] public DateOnly? TermStart { get; set; }
        [Display(Name = "Akhir masa tugas")] public DateOnly? TermEnd { get; set; }
    }

    [BindProperty] public MemberInput Input { get; set; } = new();
    [BindProperty] public DecreeInput Sk { get; set; } = new();
    [Display(Name = "Anggota pada tanggal")][BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }

    public DateOnly Today { get; private set; }
    public List<TkksdMember> Current { get; private set; } = [];
    public List<TkksdMember> Past { get; private set; } = [];
    public List<TkksdDecree> Decrees { get; private set; } = [];
    public Dictionary<string, List<string>> Lokus { get; private set; } = [];
    public List<(string Id, string Name)> Users { get; private set; } = [];
    public bool CanKeep { get; private set; }
    public string? TermWarning { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (scope.RegionCode is not { } region || !TkksdRegister.CanKeep(User))
            return Forbid();
        var (member, problems) = await TkksdRegister.AddMemberAsync(db, region, new(Input.UserId, Input.Position, Input.Office, Input.StartsOn, Input.DecreeId),
            RegionClock.Today(clock, region), Actor.Of(User), HttpContext.RequestAborted);
        if (member is null)
        {
            ModelState.AddProblems(problems, nameof(Input));
            await LoadAsync();
            return Page();
        }
        TempData["Status"] = $"{member.Name} dicatat sebagai {TkksdMember.Label(member.Position).ToLowerInvariant()} TKKSD.";
        return HttpContext.RedirectAfterPost("/Tkksd/Members");
    }

    public async Task<IActionResult> OnPostEndAsync(int member, [Display(Name = "Berakhir")] DateOnly? endsOn)
    {
        if (!TkksdRegister.CanKeep(User))
            return Forbid();
        if (await db.TkksdMembers.SingleOrDefaultAsync(m => m.Id == member) is not { } row)
            return NotFound();
        var problems = await TkksdRegister.EndMemberAsync(db, row, endsOn, Actor.Of(User), HttpContext.RequestAborted);
        TempData["Status"] = problems.Count > 0 ? string.Join(" ", problems.Values.SelectMany(v => v)) : $"Keanggotaan {row.Name} berakhir pada {Indonesian.Date(endsOn!.Value)}.";
        return HttpContext.RedirectAfterPost("/Tkksd/Members");
    }

    public async Task<IActionResult> OnPostDecreeAsync(IFormFile? skFile, [FromServices] FileStore files, [FromServices] IOptions<UploadOptions> uploads)
    {
        if (scope.RegionCode is not { } region || !TkksdRegister.CanKeep(User))
            return Forbid();
        using var buffer = new MemoryStream();
        if (skFile is not null)
        {
            await using var content = skFile.OpenReadStream();
            await content.CopyToAsync(buffer);
            buffer.Position = 0;
        }
        var (decree, problems) = await TkksdRegister.SaveDecreeAsync(db, files, region, new(Sk.Number, Sk.IssuedOn, Sk.TermStart, Sk.TermEnd),
            skFile?.FileName, skFile is null ? null : buffer, uploads.Value.MaxBytes, Actor.Of(User), HttpContext.RequestAborted);
        if (decree is null)
        {
            ModelState.AddProblems(problems, nameof(Sk), "File");
            await LoadAsync();
            return Page();
        }
        TempData["Status"] = $"SK {decree.Number} dicatat.";
        return HttpContext.RedirectAfterPost("/Tkksd/Members");
    }

    public async Task<IActionResult> OnGetFileAsync(int decree, [FromServices] FileStore files)
    {
        if (await db.TkksdDecrees.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decree) is not { Sha256: { } sha } row || !files.Exists(sha))
            return NotFound();
        return File(files.OpenRead(sha), row.ContentType ?? "application/octet-stream", FileNames.Clean(row.FileName ?? "sk-tkksd.pdf"));
    }

    private async Task LoadAsync()
    {
        if (scope.RegionCode is not { } region)
            return;
        Today = RegionClock.Today(clock, region);
        CanKeep = TkksdRegister.CanKeep(User);
        Current = await TkksdRegister.MembersOnAsync(db, region, On ?? Today);
        Past = await db.TkksdMembers.AsNoTracking().Where(m => m.EndsOn != null && m.EndsOn < Today).OrderByDescending(m => m.EndsOn).ToListAsync();
        Decrees = await db.TkksdDecrees.AsNoTracking().OrderByDescending(d => d.TermStart).ToListAsync();
        TermWarning = TkksdRegister.TermWarning(await TkksdRegister.CurrentDecreeAsync(db, region, Today), Today);
        var ids = Current.Select(m => m.UserId).ToList();
        Lokus = (await db.LokusAssignments.IgnoreQueryFilters().Where(l => ids.Contains(l.UserId)).Select(l => new { l.UserId, l.Opd!.ShortName }).ToListAsync())
            .GroupBy(l => l.UserId).ToDictionary(g => g.Key, g => g.Select(l => l.ShortName).Order().ToList());
        if (CanKeep)
            Users = (await db.Users.Where(u => u.RegionCode == region && u.IsActive).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync())
                .Select(u => (u.Id, u.FullName)).ToList();
        Input.StartsOn ??= Today;
    }
}
