using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The TKKSD lokus review of a period.</summary>
public sealed class ReviewModel(AppDbContext db, RegionScope scope, TimeProvider clock) : AssessmentPageModel(db, scope, clock)
{
    public override AssessmentKind Kind => AssessmentKind.Telaah;
}
