using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The Admin Kerja Sama's evaluation of a period: the criteria, a rating 1–5 and a recommendation.</summary>
public sealed class EvaluateModel(AppDbContext db, RegionScope scope, TimeProvider clock) : AssessmentPageModel(db, scope, clock)
{
    public override AssessmentKind Kind => AssessmentKind.Evaluasi;
}
