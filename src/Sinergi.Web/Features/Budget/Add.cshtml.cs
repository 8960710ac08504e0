using Microsoft.AspNetCore.Mvc;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Budget;

/// <summary>Adds a budget line to an agreement.</summary>
public class AddModel(AppDbContext db, RegionScope scope, TimeProvider clock) : BudgetLinePage(db, scope, clock)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        Input = Defaults();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (await CheckedDraftAsync() is not { } draft)
            return FormResult();
        var line = await BudgetLines.AddAsync(Db, Agreement, draft, Actor.Of(User));
        return Done($"Baris anggaran {BudgetLines.Reference(line)} ditambahkan.");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await BudgetLines.OwnAgreementAsync(Db, Scope, id) is not { } agreement)
            return NotFound();
        Agreement = agreement;
        if (!BudgetLines.CanEdit(User, Scope, agreement))
            return Forbid();
        await PrepareAsync();
        return null;
    }
}
