using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;

namespace Sinergi.Bench.Generator;

/// <summary>
/// Monitoring for the generated registry: each agreement in force on the generator's day gets its
/// two latest ended semesters reported (one activity each, submitted before or after the due date),
/// with the monev summary the app keeps beside them; one in seven gets nothing, so the formalitas
/// filter has something to find. Rows as the app writes them (enum names as text).
/// </summary>
internal sealed class MonevWriter : IDisposable
{
    private readonly SqliteCommand _report, _activity, _summary;
    private readonly DateOnly _today;
    private int _nextReportId, _nextActivityId;

    public int Reports { get; private set; }

    public MonevWriter(SqliteConnection connection, SqliteTransaction transaction, DateOnly today, int nextReportId, int nextActivityId)
    {
        SqliteCommand Prepare(string table, params string[] columns)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            return command;
        }
        _report = Prepare("ImplementationReports", "Id", "AgreementId", "RegionCode", "OpdId", "PeriodCode", "PeriodStart", "PeriodEnd", "Revision", "State",
            "Outputs", "ProgressPercent", "Realisation", "UseOfResults", "Sustainability", "CreatedByName", "SubmittedAt", "SubmittedByName",
            "Version", "CreatedAt", "UpdatedAt");
        _activity = Prepare("ReportActivity", "Id", "ReportId", "Date", "Description", "Place", "Participants");
        _summary = Prepare("MonevSummaries", "AgreementId", "HasActivity", "HasSubmittedReport", "HasRealisation", "Alive", "LatestRating", "LatestRatingPeriod",
            "IndicatorsMeasured", "IndicatorsAchieved", "Periods");
        (_today, _nextReportId, _nextActivityId) = (today, nextReportId, nextActivityId);
    }

    public void Write(Agreement a)
    {
        if (a.Lifecycle != AgreementLifecycle.Aktif || (a.StartsOn ?? a.SignedOn) is not { } start || start > _today || a.EndsOn < _today || a.Id % 7 == 0)
            return;
        var term = EvaluationPeriods.Term(a.Lifecycle, a.SignedOn, a.StartsOn, a.EndsOn, a.TerminatedOn);
        var ended = EvaluationPeriods.For(term, EvaluationCadence.Semesteran, MonevSettings.DefaultDueDays, _today)
            .Where(p => !p.IsFinal && p.HasEndedOn(_today)).TakeLast(2).ToList();
        if (ended.Count == 0)
            return;
        var facts = new List<PeriodFact>();
        foreach (var period in ended)
        {
            var late = a.Id % 5 == 0;
            var sentOn = late ? period.DueOn.AddDays(7) : period.DueOn.AddDays(-2);
            var sentAt = sentOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
            var id = _nextReportId++;
            Run(_report, id, a.Id, a.RegionCode, a.Opds.FirstOrDefault()?.Id, period.Code, period.Start, period.End, 1, nameof(ReportState.Dikirim),
                "Rapat koordinasi dan pelaksanaan kegiatan sesuai rencana kerja.", 50 + a.Id % 50, "Sesuai rencana.", "Dipakai untuk perencanaan.",
                "Dilanjutkan.", RegistryWriter.ActorName, sentAt, RegistryWriter.ActorName, 1, sentAt, sentAt);
            Run(_activity, _nextActivityId++, id, period.Start.AddDays(20), "Rapat koordinasi dengan mitra", "Ruang rapat OPD", "Tim teknis kedua pihak");
            facts.Add(new PeriodFact(period.Code, sentOn, true));
            Reports++;
        }
        Run(_summary, a.Id, true, true, false, true, null, null, 0, 0, JsonSerializer.Serialize(facts, JsonSerializerOptions.Default));
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _report.Dispose();
        _activity.Dispose();
        _summary.Dispose();
    }
}
