using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

/// <summary>The catalogue and its map: one query for the page, the API and the province's view.</summary>
public static class PotentialQueries
{
    public sealed record Row(int Id, string RegionCode, string Region, string Name, string Sector, string UrusanCode, string Urusan, string Opd,
        PotentialState State, double? Latitude, double? Longitude, string? Kecamatan, decimal? EstimatedValue, string? Capacity);

    /// <summary>A marker: at the potential's point, or at its region's centre when only a kecamatan is known (then <see cref="Approximate"/>).</summary>
    public sealed record Marker(int Id, string Name, string Region, string Sector, string State, double Lat, double Lng, bool Approximate);

    public sealed record Filter(string? Q = null, string? Urusan = null, PotentialState? State = null, string? Region = null);

    public const int MaxRows = 2000;

    /// <summary>
    /// The potentials of one region (<paramref name="prefix"/> null), or of every region under a
    /// prefix for the province's and the ministry's view, as <see cref="RollUp"/> bounds them.
    /// </summary>
    public static async Task<List<Row>> ListAsync(AppDbContext db, string? regionCode, string? prefix, Filter filter, CancellationToken ct = default)
    {
        var query = db.Potentials.IgnoreQueryFilters().AsNoTracking();
        query = prefix is null ? query.Where(p => p.RegionCode == regionCode) : query.WhereRegionUnder(prefix, p => p.RegionCode);
        if (prefix is not null && filter.Region is { Length: > 0 } region)
            query = query.Where(p => p.RegionCode == region);
        if (filter.Urusan is { Length: > 0 } urusan)
            query = query.Where(p => p.UrusanCode == urusan);
        if (filter.State is { } state)
            query = query.Where(p => p.State == state);
        if (Web.Text.Clean(filter.Q) is { } q)
        {
            var like = $"%{q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(p => EF.Functions.Like(p.Name, like, "\\") || EF.Functions.Like(p.Sector, like, "\\") || EF.Functions.Like(p.Kecamatan!, like, "\\"));
        }
        return await query.OrderBy(p => p.RegionCode).ThenBy(p => p.Name).Take(MaxRows)
            .Select(p => new Row(p.Id, p.RegionCode, db.Regions.Where(r => r.Code == p.RegionCode).Select(r => r.Name).First(), p.Name, p.Sector, p.UrusanCode,
                p.Urusan!.Name, p.Opd!.ShortName, p.State, p.Latitude, p.Longitude, p.Kecamatan, p.EstimatedValue, p.Capacity))
            .ToListAsync(ct);
    }

    public static async Task<List<Marker>> MarkersAsync(AppDbContext db, IReadOnlyList<Row> rows, CancellationToken ct = default)
    {
        var codes = rows.Where(r => r.Latitude is null).Select(r => r.RegionCode).Distinct().ToList();
        var centres = codes.Count == 0 ? [] : await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code) && r.Latitude != null && r.Longitude != null)
            .ToDictionaryAsync(r => r.Code, r => (Lat: r.Latitude!.Value, Lng: r.Longitude!.Value), ct);
        var markers = new List<Marker>();
        foreach (var r in rows)
        {
            if (r.Latitude is double lat && r.Longitude is double lng)
                markers.Add(new Marker(r.Id, r.Name, r.Region, r.Sector, Potential.StateLabel(r.State), lat, lng, false));
            else if (centres.TryGetValue(r.RegionCode, out var centre))
                markers.Add(new Marker(r.Id, r.Name, r.Region, r.Sector, Potential.StateLabel(r.State), centre.Lat, centre.Lng, true));
        }
        return markers;
    }

    /// <summary>The proposals started from a potential and the agreements they became.</summary>
    public static async Task<List<(int Id, string Number, string Title, int? AgreementId, string? AgreementTitle)>> ProposalsAsync(AppDbContext db, int potentialId, CancellationToken ct = default)
    {
        var rows = await db.PotentialProposals.AsNoTracking().Where(l => l.PotentialId == potentialId)
            .Join(db.Proposals.IgnoreQueryFilters(), l => l.ProposalId, p => p.Id, (l, p) => new { p.Id, p.Year, p.Sequence, p.Title, p.AgreementId, AgreementTitle = p.Agreement!.Title })
            .OrderBy(p => p.Id).ToListAsync(ct);
        return rows.Select(r => (r.Id, Proposals.Proposal.FormatNumber(r.Year, r.Sequence), r.Title, r.AgreementId, (string?)r.AgreementTitle)).ToList();
    }
}
