using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Partners;
using Sinergi.Features.Settings;
using Sinergi.Infrastructure.Spreadsheets;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>
/// The registry as filtered on screen, every page of it, as a table for Excel or CSV. The headers
/// are the ones the import recognises, so an exported list can be corrected and imported back.
/// </summary>
public static class AgreementExport
{
    public const int MaxRows = 200_000;

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("No", ExportKind.Number), new("Nomor"), new("Nomor Pihak Mitra"), new("Tentang"), new("Jenis Kerja Sama"), new("Jenis Dokumen"),
        new("Mitra"), new("Jenis Mitra"), new("OPD Pelaksana"), new("Urusan"), new("Tanggal Penandatanganan", ExportKind.Date),
        new("Tanggal Mulai", ExportKind.Date), new("Tanggal Berakhir", ExportKind.Date), new("Status"), new("Nilai (Rp)", ExportKind.Number),
        new("Sumber Dana"), new("Persetujuan DPRD"), new("Ruang Lingkup"),
    ];

    public static async Task<List<object?[]>> RowsAsync(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache, AgreementFilter filter,
        CancellationToken ct = default)
    {
        var region = filter.Region ?? scope.RegionCode;
        var today = RegionClock.Today(clock, region);
        var window = await RegionSettings.ExpiringWindowAsync(db, region, ct);
        filter = await AgreementSearchQuery.WithFormalitasAsync(db, filter, region, today, ct);
        if (filter.Impact is not null)
            filter = await AgreementSearchQuery.WithImpactAsync(db, scope, clock, cache, filter, await AgreementSearchQuery.RegionAsync(db, scope, filter.Region, ct), today, ct);
        var query = filter.WhereStatus(AgreementSearchQuery.Filtered(db, scope, filter), today, window);
        var agreements = await AgreementSearchQuery.Sorted(query, filter.Sort, today).Take(MaxRows)
            .Select(a => new
            {
                a.Number, a.PartnerNumber, a.Title, a.Kind, a.DocumentType, a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle, a.Value, a.Funding,
                a.DprdApprovalRequired, a.DprdApprovedOn, a.Scope,
                Partners = a.Partners.OrderBy(p => p.Name).Select(p => new { p.Name, p.Type }).ToList(),
                Opds = a.Opds.OrderBy(o => o.ShortName).Select(o => o.Name).ToList(),
                Urusan = a.Urusan.OrderBy(u => u.Code).Select(u => u.Code + " " + u.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return agreements.Select((a, i) => new object?[]
        {
            i + 1, a.Number, a.PartnerNumber, a.Title, AgreementLabels.Code(a.Kind), AgreementLabels.Label(a.DocumentType),
            string.Join("; ", a.Partners.Select(p => p.Name)), string.Join("; ", a.Partners.Select(p => Partner.Label(p.Type)).Distinct()),
            string.Join("; ", a.Opds), string.Join("; ", a.Urusan), a.SignedOn, a.StartsOn, a.EndsOn,
            AgreementLabels.Label(AgreementStatusRules.StatusOf(a.Lifecycle, a.StartsOn, a.EndsOn, today, window)),
            a.Value, a.Funding is { } funding ? AgreementLabels.Label(funding) : null,
            !a.DprdApprovalRequired ? "Tidak diperlukan" : a.DprdApprovedOn is { } approved ? $"Disetujui {Sinergi.Web.Indonesian.Date(approved)}" : "Diperlukan, belum disetujui",
            a.Scope,
        }).ToList();
    }

    /// <summary>Writes the rows as <c>xlsx</c> or <c>csv</c>; returns the content type and a file name with the day's date.</summary>
    public static (string ContentType, string FileName) Write(Stream output, string format, IEnumerable<object?[]> rows, DateOnly today)
    {
        var stem = $"kerja-sama-{today:yyyy-MM-dd}";
        if (format == "csv")
        {
            TableExport.WriteCsv(output, Columns, rows);
            return ("text/csv; charset=utf-8", stem + ".csv");
        }
        TableExport.WriteXlsx(output, "Kerja sama", Columns, rows);
        return ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stem + ".xlsx");
    }
}
