using System.ComponentModel.DataAnnotations;

namespace Sinergi.Features.Monitoring;

/// <summary>The laporan pelaksanaan as the form posts it.</summary>
public sealed class ReportInput
{
    public sealed class ActivityInput
    {
        [Display(Name = "Tanggal kegiatan")]
        public DateOnly? Date { get; set; }
        public string? Description { get; set; }
        public string? Place { get; set; }
        public string? Participants { get; set; }
    }

    /// <summary>Blank activity rows the form offers below those already written, so it works without JavaScript.</summary>
    public const int BlankActivities = 3;

    public string? Outputs { get; set; }
    [Display(Name = "Kemajuan (%)")]
    public int? ProgressPercent { get; set; }
    public string? Realisation { get; set; }
    public string? UseOfResults { get; set; }
    public string? Obstacles { get; set; }
    public string? Sustainability { get; set; }
    [Display(Name = "Kegiatan")]
    public List<ActivityInput> Activities { get; set; } = [];
    /// <summary>The draft's version the form was made from: a save on an older one is refused.</summary>
    [Display(Name = "Versi draf")]
    public int? Version { get; set; }

    public ReportDraft ToDraft() => new()
    {
        Outputs = Outputs, ProgressPercent = ProgressPercent, Realisation = Realisation, UseOfResults = UseOfResults,
        Obstacles = Obstacles, Sustainability = Sustainability,
        Activities = Activities.Select(a => new ActivityDraft(a.Date, a.Description, a.Place, a.Participants)).ToList(),
    };

    public static ReportInput Of(ImplementationReport? report)
    {
        var input = new ReportInput();
        if (report is not null)
        {
            var draft = ReportDraft.Of(report);
            input.Outputs = draft.Outputs;
            input.ProgressPercent = draft.ProgressPercent;
            input.Realisation = draft.Realisation;
            input.UseOfResults = draft.UseOfResults;
            input.Obstacles = draft.Obstacles;
            input.Sustainability = draft.Sustainability;
            input.Activities = draft.Activities.Select(a => new ActivityInput { Date = a.Date, Description = a.Description, Place = a.Place, Participants = a.Participants }).ToList();
            input.Version = report.Version;
        }
        return input.WithBlankRows();
    }

    public ReportInput WithBlankRows()
    {
        Activities = Activities.Where(a => a.Date is not null || a.Description is not null || a.Place is not null || a.Participants is not null).ToList();
        for (var i = 0; i < BlankActivities; i++)
            Activities.Add(new ActivityInput());
        return this;
    }
}
