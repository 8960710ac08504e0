using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Budget;

/// <summary>Changes or removes one budget line.</summary>
public class LineModel(AppDbContext db, RegionScope scope, TimeProvider clock) : BudgetLinePage(db, scope, clock)
{
    private BudgetLine _line = null!;

    public override bool IsNew => false;
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        Input = InputModel.Of(_line);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (await CheckedDraftAsync() is not { } draft)
            return FormResult();
        Db.Entry(_line).Property(l => l.Version).OriginalValue = Input.Version;
        try
        {
            await BudgetLines.ChangeAsync(Db, _line, draft, Actor.Of(User));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Baris anggaran ini baru saja diubah orang lain. Buka kembali halamannya, periksa perubahan itu, lalu simpan lagi bila masih perlu.");
            return FormResult();
        }
        return Done($"Baris anggaran {BudgetLines.Reference(_line)} disimpan.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        Db.Entry(_line).Property(l => l.Version).OriginalValue = Input.Version == 0 ? _line.Version : Input.Version;
        try
        {
            await BudgetLines.DeleteAsync(Db, _line, Actor.Of(User));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Baris anggaran ini baru saja diubah atau dihapus orang lain. Buka kembali halaman kerja samanya.");
            return FormResult();
        }
        return Done($"Baris anggaran {Reference} dihapus.");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await BudgetLines.OwnLineAsync(Db, Scope, id) is not { } line)
            return NotFound();
        (_line, Agreement, Reference) = (line, line.Agreement!, BudgetLines.Reference(line));
        if (!BudgetLines.CanEdit(User, Scope, Agreement))
            return Forbid();
        await PrepareAsync();
        return null;
    }
}
