using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Proposals;

namespace Sinergi.Bench.Generator;

/// <summary>
/// Usulan at scale in one region (the big one): proposals of every kind the SOP supports, on the
/// region's current SOP version of their kind (the regulation's default is saved first when the
/// region has none yet), spread evenly over every stage of it and over the done and rejected ends,
/// each stage entered up to three months ago so that a share is past its deadline; OPDs, urusan and
/// partners spread. Every stage passed leaves the documents it required (rows only: the files are not
/// opened by the benchmark), and a proposal past the TKKSD's stage carries a majority of the
/// members' votes, one at the TKKSD's stage some of them. Rows as the app writes them (enum names as
/// text, JSON as the app serialises it).
/// </summary>
internal static class ProposalWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly AgreementKind[] Kinds = [AgreementKind.Ksdd, AgreementKind.Ksdpk, AgreementKind.Sinergi];

    public sealed record Written(int Proposals, int Documents, int Votes, int Overdue);

    public static Written Write(SqliteConnection connection, SqliteTransaction transaction, string regionCode, ReferenceRows reference, DateOnly today, DateTime now, int count, int seed)
    {
        if (count <= 0)
            return new(0, 0, 0, 0);
        var rng = new Random(unchecked(seed * 31 + 12));
        var sops = Kinds.ToDictionary(k => k, k => CurrentSop(connection, transaction, regionCode, k, now));
        var opds = reference.OpdsOf(regionCode).ToList();
        if (opds.Count == 0)
            throw new InvalidOperationException($"Region {regionCode} has no OPDs to own proposals.");
        var partners = reference.PartnersOf(regionCode).Select(p => p.Id).ToList();
        var urusan = reference.Urusan.Keys.Order(StringComparer.Ordinal).ToList();
        var members = Rows(connection, transaction,
            "SELECT u.\"Id\", u.\"FullName\" FROM \"AspNetUsers\" u JOIN \"AspNetUserRoles\" ur ON ur.\"UserId\" = u.\"Id\" JOIN \"AspNetRoles\" r ON r.\"Id\" = ur.\"RoleId\" " +
            $"WHERE r.\"Name\" = '{Roles.Tkksd}' AND u.\"RegionCode\" = '{regionCode}' ORDER BY u.\"Id\"", r => (Id: r.GetString(0), Name: r.GetString(1)));
        var sequences = Rows(connection, transaction, $"SELECT \"Year\", MAX(\"Sequence\") FROM \"Proposals\" WHERE \"RegionCode\" = '{regionCode}' GROUP BY \"Year\"",
            r => (Year: r.GetInt32(0), Max: r.GetInt32(1))).ToDictionary(r => r.Year, r => r.Max);
        var criteria = ProposalSettings.DefaultCriteria;

        using var proposal = Prepare(connection, transaction, "Proposals", true, "RegionCode", "Year", "Sequence", "Kind", "Title", "Background", "Aims", "Scope", "OpdId",
            "DurationMonths", "Location", "Benefits", "FundedInApbd", "BurdensPublic", "FromOffer", "SopVersionId", "Stage", "StageSince", "StageDueOn", "State",
            "Checked", "Round", "CreatedByName", "Version", "CreatedAt", "UpdatedAt");
        using var proposalUrusan = Prepare(connection, transaction, "ProposalUrusan", false, "ProposalId", "UrusanCode");
        using var proposalPartner = Prepare(connection, transaction, "ProposalPartner", false, "ProposalId", "PartnerId");
        using var document = Prepare(connection, transaction, "ProposalDocuments", false, "ProposalId", "Type", "Number", "FileName", "ContentType", "Size", "Sha256",
            "UploadedAt", "UploadedByName");
        using var vote = Prepare(connection, transaction, "ProposalVotes", false, "ProposalId", "Round", "UserId", "UserName", "RoleLabel", "At", "Scores", "Opinion");

        int documents = 0, votes = 0, overdue = 0;
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var sop = sops[kind];
            // Every stage of the SOP, then the two ends: as many proposals at each.
            var position = i / Kinds.Length % (sop.Stages.Count + 2);
            var (stageCode, state) = position < sop.Stages.Count ? (sop.Stages[position].Code, ProposalState.Berjalan)
                : position == sop.Stages.Count ? (SopVersion.Done, ProposalState.Selesai) : (SopVersion.Rejected, ProposalState.Ditolak);
            var passed = position < sop.Stages.Count ? position : position == sop.Stages.Count ? sop.Stages.Count : rng.Next(1, sop.Stages.Count);
            var since = today.AddDays(-rng.Next(0, 90));
            var due = position < sop.Stages.Count ? since.AddDays(sop.Stages[position].DeadlineDays) : since;
            if (state == ProposalState.Berjalan && due < today)
                overdue++;
            var created = since.AddDays(-passed * rng.Next(10, 25) - rng.Next(0, 10));
            var createdAt = created.ToDateTime(new TimeOnly(rng.Next(1, 9), rng.Next(60)), DateTimeKind.Utc);
            var year = created.Year;
            var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var topic = Topics.All[rng.Next(Topics.All.Length)];
            var subject = topic.Subjects[rng.Next(topic.Subjects.Length)];
            var opd = opds[rng.Next(opds.Count)];
            var funded = rng.Next(3) > 0;
            var id = Convert.ToInt32(Run(proposal, regionCode, year, sequence, kind.ToString(), $"Usulan Kerja Sama {subject}",
                $"Latar belakang: kebutuhan {topic.Phrases[rng.Next(topic.Phrases.Length)]} di daerah.", $"Meningkatkan {topic.Phrases[rng.Next(topic.Phrases.Length)]}.",
                $"Ruang lingkup: {topic.Phrases[rng.Next(topic.Phrases.Length)]} dan {topic.Phrases[rng.Next(topic.Phrases.Length)]}.", opd.Id, 12 * rng.Next(1, 6),
                "Kota Palangka Raya", "Pelayanan yang lebih baik bagi masyarakat.", funded, rng.Next(5) == 0, rng.Next(8) == 0, sop.Id, stageCode, since, due,
                state.ToString(), "[]", 1, RegistryWriter.ActorName, 1 + passed, createdAt, since.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)), CultureInfo.InvariantCulture);
            Run(proposalUrusan, id, topic.Urusan.FirstOrDefault(reference.Urusan.ContainsKey) ?? urusan[rng.Next(urusan.Count)]);
            if (partners.Count > 0)
                Run(proposalPartner, id, partners[rng.Next(partners.Count)]);

            // The documents each passed stage required, and the current stage's own where it has some already.
            var types = sop.Stages.Take(passed).SelectMany(s => s.Documents).ToList();
            if (position < sop.Stages.Count && rng.Next(2) == 0)
                types.AddRange(sop.Stages[position].Documents.Take(1));
            foreach (var (type, n) in types.Distinct().Select((t, n) => (t, n)))
            {
                var at = createdAt.AddDays(n * 3 + 1);
                Run(document, id, type, 1, $"{type}-{id}.pdf", "application/pdf", 80_000 + rng.Next(900_000),
                    Convert.ToHexStringLower(BitConverter.GetBytes(((long)id << 20) + n)).PadRight(64, '0'), at, RegistryWriter.ActorName);
                documents++;
            }

            // The TKKSD's votes: a majority once past its stage, some of the members while at it.
            var tkksd = sop.Stages.FindIndex(s => s.Moves.Any(m => m.Condition == MoveCondition.QuorumReached));
            var voters = tkksd < 0 || members.Count == 0 ? 0
                : passed > tkksd ? members.Count / 2 + 1 + rng.Next(members.Count - members.Count / 2)
                : position == tkksd ? rng.Next(members.Count / 2 + 1) : 0;
            for (var v = 0; v < Math.Min(voters, members.Count); v++)
            {
                var scores = criteria.Select(c => new VoteScore(c.Name, c.Weight, rng.Next(3, 6))).ToList();
                var at = since.AddDays(position == tkksd ? 1 + v : -3 - v).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
                Run(vote, id, 1, members[v].Id, members[v].Name, Roles.Label(Roles.Tkksd), at, JsonSerializer.Serialize(scores, Json),
                    "Usulan layak dilanjutkan dengan catatan pada perhitungan biaya.");
                votes++;
            }
        }
        return new(count, documents, votes, overdue);
    }

    /// <summary>The region's latest SOP version of a kind; the regulation's default saved as version 1 when there is none yet, as the app does.</summary>
    private static (int Id, List<SopStage> Stages) CurrentSop(SqliteConnection connection, SqliteTransaction transaction, string regionCode, AgreementKind kind, DateTime now)
    {
        var found = Rows(connection, transaction, $"SELECT \"Id\", \"Stages\" FROM \"SopVersions\" WHERE \"RegionCode\" = '{regionCode}' AND \"Kind\" = '{kind}' ORDER BY \"Number\" DESC LIMIT 1",
            r => (Id: r.GetInt32(0), Stages: JsonSerializer.Deserialize<List<SopStage>>(r.GetString(1), Json)!));
        if (found.Count > 0)
            return found[0];
        var stages = DefaultSops.For(kind);
        using var insert = Prepare(connection, transaction, "SopVersions", true, "RegionCode", "Kind", "Number", "Stages", "CreatedAt", "CreatedByName");
        var id = Convert.ToInt32(Run(insert, regionCode, kind.ToString(), 1, JsonSerializer.Serialize(stages, Json), now, "Bawaan (Permendagri 22/2020)"), CultureInfo.InvariantCulture);
        return (id, stages);
    }

    private sealed class Insert(SqliteCommand command, bool returning) : IDisposable
    {
        public SqliteCommand Command { get; } = command;
        public bool Returning { get; } = returning;
        public void Dispose() => Command.Dispose();
    }

    private static Insert Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, bool returning, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})"
            + (returning ? " RETURNING \"Id\"" : "");
        for (var i = 0; i < columns.Length; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return new Insert(command, returning);
    }

    private static object? Run(Insert insert, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            insert.Command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return insert.Returning ? insert.Command.ExecuteScalar() : insert.Command.ExecuteNonQuery();
    }

    private static List<T> Rows<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
