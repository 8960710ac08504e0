using Microsoft.Data.Sqlite;
using Sinergi.Features.Regions;

namespace Sinergi.Bench.Generator;

/// <summary>
/// Potensi daerah at scale: <see cref="PerRegion"/> potentials in every kab/kota (a point near its
/// centre for two in three, a kecamatan for the rest), owned by one of its OPDs; a region without
/// OPDs gets its Bappeda first. Rows as the app writes them (enum names as text).
/// </summary>
internal static class PotentialWriter
{
    public const int PerRegion = 20;

    private static readonly (string Name, string Sector, string Urusan)[] Kinds =
    [
        ("Gula merah aren", "Pertanian", "3.27"), ("Wisata sungai", "Pariwisata", "3.26"), ("Bank sampah", "Lingkungan hidup", "2.11"),
        ("Kerajinan rotan", "Industri kreatif", "3.31"), ("Budidaya ikan keramba", "Perikanan", "3.25"), ("Pasar kuliner", "Perdagangan", "3.30"),
        ("Madu hutan", "Pertanian", "3.27"), ("Energi surya atap", "Energi", "2.11"), ("Dermaga sungai", "Perhubungan", "2.15"), ("Tenun dan batik", "Industri kreatif", "2.17"),
    ];

    public static int Write(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Region> regions, ReferenceRows reference, DateTime now, int seed)
    {
        var opd = Command(connection, transaction, "INSERT INTO \"Opds\" (\"RegionCode\", \"Name\", \"ShortName\", \"Version\", \"CreatedAt\", \"UpdatedAt\") VALUES ($p0, $p1, $p2, 0, $p3, $p3) RETURNING \"Id\"", 4);
        var potential = Command(connection, transaction, "INSERT INTO \"Potentials\" (\"RegionCode\", \"Name\", \"Sector\", \"UrusanCode\", \"Latitude\", \"Longitude\", \"Kecamatan\", " +
            "\"Description\", \"EstimatedValue\", \"Capacity\", \"OpdId\", \"State\", \"CreatedByName\", \"Version\", \"CreatedAt\", \"UpdatedAt\") " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, 'Generator', 0, $p12, $p12)", 13);
        string[] states = ["Teridentifikasi", "Dikaji", "Ditawarkan", "DalamKerjaSama"];
        var written = 0;
        foreach (var region in regions.Where(r => r.Code.Length == 5))
        {
            var rng = new Random(unchecked(seed * 7_919 + region.Code.GetHashCode(StringComparison.Ordinal)));
            var existing = Scalar(connection, transaction, $"SELECT COUNT(*) FROM \"Potentials\" WHERE \"RegionCode\" = '{region.Code}'");
            var owners = reference.OpdsOf(region.Code).Select(o => o.Id).ToList();
            if (owners.Count == 0)
            {
                Set(opd, region.Code, "Badan Perencanaan Pembangunan Daerah", "Bappeda", now);
                owners.Add(Convert.ToInt32(opd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
            }
            for (var i = (int)existing; i < PerRegion; i++)
            {
                var kind = Kinds[rng.Next(Kinds.Length)];
                var point = region.Latitude is double lat && region.Longitude is double lng && rng.Next(3) > 0;
                Set(potential, region.Code, $"{kind.Name} {region.Name} {i + 1}", kind.Sector, kind.Urusan,
                    point ? Math.Clamp(region.Latitude!.Value + (rng.NextDouble() - 0.5) * 0.2, -11.0, 6.0) : null,
                    point ? Math.Clamp(region.Longitude!.Value + (rng.NextDouble() - 0.5) * 0.2, 95.1, 141.0) : null,
                    point ? null : $"Kecamatan {i % 7 + 1}", $"Potensi {kind.Name.ToLowerInvariant()} di {region.Name}.",
                    rng.Next(4) == 0 ? null : (object)((long)rng.Next(1, 500) * 10_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                    owners[rng.Next(owners.Count)], states[rng.Next(states.Length)], now);
                potential.ExecuteNonQuery();
                written++;
            }
        }
        return written;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
