using Microsoft.Data.Sqlite;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;

namespace Sinergi.Bench.Generator;

/// <summary>What the generator builds on: regions, urusan, the OPDs of the demo regions, existing partners and the highest ids.</summary>
internal sealed class ReferenceRows
{
    public required List<Region> Regions { get; init; }
    public required Dictionary<string, Region> RegionsByCode { get; init; }
    public required Dictionary<string, Urusan> Urusan { get; init; }
    public required Dictionary<string, List<Opd>> Opds { get; init; }
    public required Dictionary<string, List<Partner>> Partners { get; init; }
    public int MaxPartnerId { get; init; }
    public int MaxAgreementId { get; init; }
    public int MaxDocumentId { get; init; }
    public int MaxVersionId { get; init; }

    public List<Partner> PartnersOf(string regionCode) => Partners.TryGetValue(regionCode, out var list) ? list : [];

    public IReadOnlyList<Opd> OpdsOf(string regionCode) => Opds.TryGetValue(regionCode, out var list) ? list : [];

    public static ReferenceRows Read(SqliteConnection connection)
    {
        var regions = Rows(connection, "SELECT \"Code\", \"Name\", \"Level\", \"ProvinceCode\", \"Latitude\", \"Longitude\" FROM \"Regions\" ORDER BY \"Code\"",
            r => new Region
            {
                Code = r.GetString(0),
                Name = r.GetString(1),
                Level = Enum.Parse<RegionLevel>(r.GetString(2)),
                ProvinceCode = r.IsDBNull(3) ? null : r.GetString(3),
                Latitude = r.IsDBNull(4) ? null : r.GetDouble(4),
                Longitude = r.IsDBNull(5) ? null : r.GetDouble(5),
            });
        var urusan = Rows(connection, "SELECT \"Code\", \"Name\", \"Group\" FROM \"Urusan\"",
            r => new Urusan { Code = r.GetString(0), Name = r.GetString(1), Group = Enum.Parse<UrusanGroup>(r.GetString(2)) }).ToDictionary(u => u.Code);
        var opds = Rows(connection, "SELECT \"Id\", \"RegionCode\", \"Name\", \"ShortName\" FROM \"Opds\" ORDER BY \"Id\"",
            r => new Opd { Id = r.GetInt32(0), RegionCode = r.GetString(1), Name = r.GetString(2), ShortName = r.GetString(3) }).ToDictionary(o => o.Id);
        foreach (var (opdId, code) in Rows(connection, "SELECT \"OpdId\", \"UrusanCode\" FROM \"OpdUrusan\"", r => (r.GetInt32(0), r.GetString(1))))
            opds[opdId].Urusan.Add(urusan[code]);
        var partners = Rows(connection, "SELECT \"Id\", \"RegionCode\", \"Type\", \"Name\", \"NormalizedName\", \"LinkedRegionCode\" FROM \"Partners\" ORDER BY \"Id\"",
            r => new Partner
            {
                Id = r.GetInt32(0),
                RegionCode = r.GetString(1),
                Type = Enum.Parse<PartnerType>(r.GetString(2)),
                Name = r.GetString(3),
                NormalizedName = r.GetString(4),
                LinkedRegionCode = r.IsDBNull(5) ? null : r.GetString(5),
            });
        return new ReferenceRows
        {
            Regions = regions,
            RegionsByCode = regions.ToDictionary(r => r.Code),
            Urusan = urusan,
            Opds = opds.Values.GroupBy(o => o.RegionCode).ToDictionary(g => g.Key, g => g.ToList()),
            Partners = partners.GroupBy(p => p.RegionCode).ToDictionary(g => g.Key, g => g.ToList()),
            MaxPartnerId = MaxId(connection, "Partners"),
            MaxAgreementId = MaxId(connection, "Agreements"),
            MaxDocumentId = MaxId(connection, "AgreementDocuments"),
            MaxVersionId = MaxId(connection, "DocumentVersions"),
        };
    }

    private static int MaxId(SqliteConnection connection, string table) =>
        (int)DataGenerator.Scalar(connection, $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"");

    private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
