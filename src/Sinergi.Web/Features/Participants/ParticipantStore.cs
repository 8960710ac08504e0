using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Web;
using Sinergi.Features.Agreements;
using Sinergi.Features.Import;

namespace Sinergi.Features.Participants;

/// <summary>
/// Saving the register: one participant, or a whole workbook (every row or none). Every addition,
/// change and removal enters the audit trail as an entry of the participant (not of the agreement,
/// whose history more people read): the name, programme, placement, period, supervisor and whether
/// BPJS Ketenagakerjaan covers them, never the NIM or the membership number.
/// </summary>
public static class ParticipantStore
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static async Task<(Participant? Saved, Dictionary<string, string[]> Problems)> AddAsync(AppDbContext db, Agreement agreement, ParticipantDraft draft,
        Actor actor, CancellationToken ct = default)
    {
        var problems = await draft.ProblemsAsync(db, agreement, null, ct);
        if (problems.Count > 0)
            return (null, problems);
        var participant = New(agreement, draft);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Participants.Add(participant);
        await db.SaveChangesAsync(ct);
        await AuditAddedAsync(db, [participant], actor, null, ct);
        await transaction.CommitAsync(ct);
        return (participant, problems);
    }

    /// <summary>Saves a checked draft over a loaded participant; a concurrent change surfaces as <see cref="DbUpdateConcurrencyException"/>.</summary>
    public static async Task<Dictionary<string, string[]>> UpdateAsync(AppDbContext db, Agreement agreement, Participant participant, ParticipantDraft draft,
        Actor actor, CancellationToken ct = default)
    {
        var problems = await draft.ProblemsAsync(db, agreement, participant.Id, ct);
        if (problems.Count > 0)
            return problems;
        var before = await SnapshotAsync(db, participant, ct);
        draft.ApplyTo(participant);
        var after = await SnapshotAsync(db, participant, ct);
        var changes = after.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => new AuditChange(f.Key, before.GetValueOrDefault(f.Key), f.Value)).ToList();
        if (changes.Count > 0)
            db.AuditEvents.Add(AuditTrail.Entry(db, participant.RegionCode, AuditEntities.Participant, participant.Id, AuditActions.Changed,
                [new AuditChange("Kerja sama", null, AgreementHistory.Reference(agreement)), .. changes], actor));
        // The version rises with a change the audit does not show (a new NIM), so a second writer still gets 412.
        await db.SaveChangesAsync(ct);
        return problems;
    }

    /// <summary>Removes a participant of the agreement; false when there was none by that id.</summary>
    public static async Task<bool> DeleteAsync(AppDbContext db, Agreement agreement, int participantId, Actor actor, CancellationToken ct = default)
    {
        if (await db.Participants.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == participantId && p.AgreementId == agreement.Id, ct) is not { } participant)
            return false;
        var before = await SnapshotAsync(db, participant, ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, participant.RegionCode, AuditEntities.Participant, participant.Id, AuditActions.Deleted,
            [new AuditChange("Kerja sama", AgreementHistory.Reference(agreement), null), .. before.Where(f => f.Value is not null).Select(f => new AuditChange(f.Key, f.Value, null))],
            actor));
        db.Participants.Remove(participant);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Participant New(Agreement agreement, ParticipantDraft draft)
    {
        var participant = new Participant { RegionCode = agreement.RegionCode, AgreementId = agreement.Id, Name = "", StudentNumber = "", Programme = "", Supervisor = "" };
        draft.ApplyTo(participant);
        return participant;
    }

    /// <summary>Entries for participants just saved (their ids known), naming the agreement and, for an import, the file.</summary>
    private static async Task AuditAddedAsync(AppDbContext db, IReadOnlyList<Participant> added, Actor actor, string? fileName, CancellationToken ct)
    {
        var agreement = await db.Agreements.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == added[0].AgreementId, ct);
        foreach (var participant in added)
        {
            List<AuditChange> changes = [new("Kerja sama", null, AgreementHistory.Reference(agreement)),
                .. (await SnapshotAsync(db, participant, ct)).Where(f => f.Value is not null).Select(f => new AuditChange(f.Key, null, f.Value))];
            if (fileName is not null)
                changes.Add(new AuditChange("Sumber", null, $"Impor {fileName}"));
            db.AuditEvents.Add(AuditTrail.Entry(db, participant.RegionCode, AuditEntities.Participant, participant.Id, AuditActions.Created, changes, actor));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the audit shows of a participant: no NIM, no membership number.</summary>
    private static async Task<Dictionary<string, string?>> SnapshotAsync(AppDbContext db, Participant p, CancellationToken ct) => new()
    {
        ["Nama"] = p.Name,
        ["Program studi"] = p.Programme,
        ["OPD penempatan"] = await db.Opds.IgnoreQueryFilters().Where(o => o.Id == p.PlacementOpdId).Select(o => o.ShortName).SingleOrDefaultAsync(ct),
        ["Mulai penempatan"] = Indonesian.Date(p.StartsOn),
        ["Selesai penempatan"] = Indonesian.Date(p.EndsOn),
        ["Pembimbing"] = p.Supervisor,
        ["BPJS Ketenagakerjaan"] = p.BpjsRegistered ? "Terdaftar" : "Belum terdaftar",
        ["Berlaku sampai"] = p.BpjsValidUntil is { } until ? Indonesian.Date(until) : null,
    };

    /// <summary>The columns of the import, as their headers read (folded), and each draft field's label for the messages.</summary>
    private static readonly (string Field, string Header, string[] Aliases)[] Columns =
    [
        ("name", "Nama", ["nama", "nama peserta", "nama mahasiswa"]),
        ("studentNumber", "NIM", ["nim", "nomor induk mahasiswa", "npm"]),
        ("programme", "Program studi", ["program studi", "prodi", "jurusan"]),
        ("placementOpdId", "OPD penempatan", ["opd penempatan", "opd", "penempatan"]),
        ("startsOn", "Mulai", ["mulai", "tanggal mulai", "periode mulai"]),
        ("endsOn", "Selesai", ["selesai", "tanggal selesai", "periode selesai"]),
        ("supervisor", "Pembimbing", ["pembimbing", "pembimbing lapangan", "supervisor"]),
        ("bpjsRegistered", "BPJS Ketenagakerjaan", ["bpjs ketenagakerjaan", "terdaftar bpjs", "bpjs"]),
        ("bpjsNumber", "Nomor kepesertaan", ["nomor kepesertaan", "no kepesertaan", "nomor bpjs"]),
        ("bpjsValidUntil", "Berlaku sampai", ["berlaku sampai", "masa berlaku", "berlaku hingga"]),
    ];

    /// <summary>
    /// Imports a workbook's first sheet (a header row, then one participant a row). A row with any
    /// problem refuses the whole workbook, with the row and column named; nothing is saved then.
    /// </summary>
    public static async Task<(int Saved, List<string> Problems)> ImportAsync(AppDbContext db, Agreement agreement, string fileName, Stream content,
        Actor actor, CancellationToken ct = default)
    {
        var read = SpreadsheetReader.Read(fileName, content, MaxImportBytes, ct: ct);
        if (!read.Succeeded)
            return (0, [read.Error!]);
        var rows = read.Sheets.FirstOrDefault()?.Rows ?? [];
        if (rows.Count < 2)
            return (0, ["Berkas tidak berisi baris peserta di bawah baris judul kolom."]);
        var header = rows[0].Select(c => ImportText.Fold(ImportText.AsText(c))).ToList();
        var at = Columns.ToDictionary(c => c.Field, c => header.FindIndex(h => c.Aliases.Contains(h)));
        var missing = Columns.Where(c => c.Field is not ("bpjsNumber" or "bpjsValidUntil") && at[c.Field] < 0).Select(c => c.Header).ToList();
        if (missing.Count > 0)
            return (0, [$"Kolom berikut tidak ditemukan pada baris judul: {string.Join(", ", missing)}."]);

        var opds = await db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == agreement.RegionCode).ToListAsync(ct);
        var problems = new List<string>();
        var drafts = new List<ParticipantDraft>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = 1; r < rows.Count; r++)
        {
            object? Cell(string field) => at[field] is var i and >= 0 && i < rows[r].Length ? rows[r][i] : null;
            string? Text(string field) => ImportText.Collapse(ImportText.AsText(Cell(field)));
            if (Columns.All(c => Text(c.Field) is null))
                continue;
            var rowNo = r + 1;
            var rowProblems = new Dictionary<string, string>();
            DateOnly? Date(string field)
            {
                var parsed = IndonesianDates.ParseDate(Cell(field));
                if (parsed.Error is not null)
                    rowProblems[field] = parsed.Error;
                return parsed.Value;
            }
            var opdText = Text("placementOpdId");
            var opd = opdText is null ? null : opds.FirstOrDefault(o => string.Equals(o.ShortName, opdText, StringComparison.OrdinalIgnoreCase)
                || string.Equals(o.Name, opdText, StringComparison.OrdinalIgnoreCase));
            if (opdText is not null && opd is null)
                rowProblems["placementOpdId"] = $"OPD \"{opdText}\" tidak dikenal di daerah ini.";
            var registered = Text("bpjsRegistered") is { } yes ? ImportText.Fold(yes) switch
            {
                "ya" or "y" or "terdaftar" or "sudah" or "aktif" => (bool?)true,
                "tidak" or "t" or "belum" or "tidak terdaftar" or "belum terdaftar" => false,
                _ => null,
            } : false;
            if (registered is null)
                rowProblems["bpjsRegistered"] = $"Isi \"Ya\" atau \"Tidak\", bukan \"{Text("bpjsRegistered")}\".";
            var draft = new ParticipantDraft(Text("name"), Text("studentNumber"), Text("programme"), opd?.Id, Date("startsOn"), Date("endsOn"),
                Text("supervisor"), registered ?? false, Text("bpjsNumber"), Date("bpjsValidUntil"));
            foreach (var (field, messages) in await draft.ProblemsAsync(db, agreement, null, ct))
                rowProblems.TryAdd(field, messages[0]);
            if (draft.StudentNumber is { } nim && !rowProblems.ContainsKey("studentNumber") && !seen.Add(nim.Trim()))
                rowProblems["studentNumber"] = $"NIM {nim.Trim()} tercantum lebih dari sekali dalam berkas.";
            foreach (var column in Columns.Where(c => rowProblems.ContainsKey(c.Field)))
                problems.Add($"Baris {rowNo}, kolom {column.Header}: {rowProblems[column.Field]}");
            drafts.Add(draft);
        }
        if (drafts.Count == 0)
            return (0, ["Berkas tidak berisi baris peserta di bawah baris judul kolom."]);
        if (problems.Count > 0)
            return (0, problems);
        var added = drafts.Select(d => New(agreement, d)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Participants.AddRange(added);
        await db.SaveChangesAsync(ct);
        await AuditAddedAsync(db, added, actor, Sinergi.Infrastructure.Files.FileNames.Clean(fileName), ct);
        await transaction.CommitAsync(ct);
        return (drafts.Count, problems);
    }
}
