using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Sinergi.Features.Partners;

namespace Sinergi.Bench.Generator;

/// <summary>
/// <c>Sinergi.Bench generate</c>: fills the SQLite database of a migrated, demo-seeded Sinergi data
/// directory with a registry of realistic size, spread over every region with one big region.
/// Deterministic for a given seed and day.
/// </summary>
internal static class DataGenerator
{
    public const string Usage =
        "generate --data <DataDirectory> [--agreements 100000] [--big-region 62.71] [--big-region-count 5000] [--proposals 10000] [--seed 42] [--today yyyy-MM-dd]";

    private sealed record Options(string Database, int Agreements, string BigRegion, int BigRegionCount, int Proposals, int Seed, DateOnly Today);

    public static int Run(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var data = Value("data");
        if (data is null)
        {
            Console.Error.WriteLine("Usage: Sinergi.Bench " + Usage);
            return 2;
        }
        var options = new Options(
            Path.Combine(data, "sinergi.db"),
            int.Parse(Value("agreements") ?? "100000", CultureInfo.InvariantCulture),
            Value("big-region") ?? "62.71",
            int.Parse(Value("big-region-count") ?? "5000", CultureInfo.InvariantCulture),
            int.Parse(Value("proposals") ?? "10000", CultureInfo.InvariantCulture),
            int.Parse(Value("seed") ?? "42", CultureInfo.InvariantCulture),
            Value("today") is { } today ? DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow));
        if (!File.Exists(options.Database))
        {
            Console.Error.WriteLine($"{options.Database} does not exist: run `Sinergi.Web seed-demo` with DataDirectory={data} first.");
            return 1;
        }
        if (options.BigRegionCount > options.Agreements)
        {
            Console.Error.WriteLine("--big-region-count cannot exceed --agreements.");
            return 2;
        }
        Generate(options);
        return 0;
    }

    private static void Generate(Options options)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={options.Database};Foreign Keys=True;Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        var existing = Scalar(connection, "SELECT COUNT(*) FROM \"Agreements\"");
        if (existing > 1000)
            throw new InvalidOperationException($"The database already holds {existing} agreements; generate into a freshly seeded data directory.");

        var reference = ReferenceRows.Read(connection);
        if (!reference.RegionsByCode.ContainsKey(options.BigRegion))
            throw new InvalidOperationException($"Region {options.BigRegion} is unknown.");
        var now = options.Today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var regions = reference.Regions;
        var master = new Random(options.Seed);

        // How many agreements each region holds: the big one its count, the others a share of the rest.
        var weights = regions.Select(r => r.Code == options.BigRegion ? 0 : 0.4 + (1.2 * master.NextDouble())).ToArray();
        var counts = Apportion(weights, options.Agreements - options.BigRegionCount);
        counts[regions.FindIndex(r => r.Code == options.BigRegion)] = options.BigRegionCount;

        var partnerPlanner = new PartnerPlanner(regions, reference.RegionsByCode);
        var agreementPlanner = new AgreementPlanner(options.Today, reference.Urusan);
        var nextPartnerId = reference.MaxPartnerId + 1;
        var newPartners = new List<Partner>();
        var planned = new List<PlannedAgreement>(options.Agreements + 1000);
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var rng = new Random(unchecked((options.Seed * 1_000_003) + i));
            var directory = reference.PartnersOf(region.Code);
            var made = partnerPlanner.Plan(rng, region, region.Code == options.BigRegion ? 40 : rng.Next(15, 26), directory,
                (now.AddYears(-8) + TimeSpan.FromHours(rng.Next(0, 24 * 60))));
            foreach (var partner in made)
                partner.Id = nextPartnerId++;
            newPartners.AddRange(made);
            planned.AddRange(agreementPlanner.Plan(rng, region, counts[i], directory, reference.OpdsOf(region.Code), (long)i * 10_000_000));
        }

        // Ids in the order the rows were recorded, so that a parent comes before its PKS.
        planned.Sort((x, y) => x.Agreement.CreatedAt != y.Agreement.CreatedAt
            ? x.Agreement.CreatedAt.CompareTo(y.Agreement.CreatedAt) : x.Order.CompareTo(y.Order));
        var nextId = reference.MaxAgreementId + 1;
        foreach (var p in planned)
        {
            p.Agreement.Id = nextId++;
            foreach (var share in p.Agreement.SharedWith)
                share.AgreementId = p.Agreement.Id;
        }
        foreach (var p in planned)
        {
            p.Agreement.ParentId = p.Agreement.Parent?.Id;
            p.Agreement.ExtendsId = p.Agreement.Extends?.Id;
        }
        var plannedIn = clock.Elapsed;

        var nextReportId = (int)Scalar(connection, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"ImplementationReports\"") + 1;
        var nextActivityId = (int)Scalar(connection, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"ReportActivity\"") + 1;
        using (var transaction = connection.BeginTransaction())
        {
            using var writer = new RegistryWriter(connection, transaction, reference.RegionsByCode, reference.MaxDocumentId + 1, reference.MaxVersionId + 1, now);
            using var monev = new MonevWriter(connection, transaction, options.Today, nextReportId, nextActivityId);
            foreach (var partner in newPartners)
                writer.Write(partner);
            foreach (var p in planned)
            {
                writer.Write(p);
                monev.Write(p.Agreement);
            }
            transaction.Commit();
        }
        using (var transaction = connection.BeginTransaction())
        {
            Console.WriteLine($"  potentials: {PotentialWriter.Write(connection, transaction, regions, reference, now, options.Seed):N0} written, {PotentialWriter.PerRegion} per kab/kota");
            transaction.Commit();
        }
        using (var transaction = connection.BeginTransaction())
        {
            var proposals = ProposalWriter.Write(connection, transaction, options.BigRegion, reference, options.Today, now, options.Proposals, options.Seed);
            Console.WriteLine($"  proposals: {proposals.Proposals:N0} written in {options.BigRegion} ({proposals.Overdue:N0} past their stage's deadline), " +
                $"{proposals.Documents:N0} documents, {proposals.Votes:N0} TKKSD votes");
            transaction.Commit();
        }
        var writtenIn = clock.Elapsed;
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");

        Console.WriteLine($"Generated {planned.Count:N0} agreements and {newPartners.Count:N0} partners in {clock.Elapsed.TotalSeconds:F1} s " +
            $"(planning {plannedIn.TotalSeconds:F1} s, writing {(writtenIn - plannedIn).TotalSeconds:F1} s), seed {options.Seed}, today {options.Today:yyyy-MM-dd}.");
        foreach (var table in new[] { "Partners", "Agreements", "AgreementPartner", "AgreementUrusan", "AgreementOpd", "AgreementShares",
                     "AgreementDocuments", "DocumentVersions", "AgreementSearch", "AuditEvents", "ImplementationReports", "MonevSummaries",
                     "Potentials", "Proposals", "ProposalDocuments", "ProposalVotes" })
            Console.WriteLine($"  {table,-20} {Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\""),10:N0} rows");
        Console.WriteLine($"  {options.BigRegion} owns {Scalar(connection, $"SELECT COUNT(*) FROM \"Agreements\" WHERE \"RegionCode\" = '{options.BigRegion}'"):N0} agreements " +
            $"and {Scalar(connection, $"SELECT COUNT(*) FROM \"AgreementShares\" WHERE \"RegionCode\" = '{options.BigRegion}'"):N0} are shared with it; " +
            $"database {new FileInfo(options.Database).Length / 1024.0 / 1024.0:F0} MB.");
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, in whole numbers that add up (largest remainder).</summary>
    private static int[] Apportion(double[] weights, int total)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(total - counts.Sum()))
            counts[i]++;
        return counts;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
