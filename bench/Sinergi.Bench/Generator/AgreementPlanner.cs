using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using static Sinergi.Features.Agreements.AgreementDocumentType;
using static Sinergi.Features.Agreements.AgreementKind;

namespace Sinergi.Bench.Generator;

/// <summary>An agreement to write, with what its document text is made from.</summary>
internal sealed record PlannedAgreement(Agreement Agreement, Topic Topic, bool HasDocument, int TextSeed, long Order);

/// <summary>
/// The registry of one region: families of a KB or Nota Kesepakatan with PKS under it and adendum
/// under those, standalone PKS, LoI/MoU, extensions; signed over the last eight years for one to
/// five years, with drafts, early terminations and agreements ending within the window. The rows
/// follow <c>AgreementDraft.ApplyToAsync</c>: a duration gives the end date, the start defaults to
/// the signing date, and regions among the partners get a share.
/// </summary>
internal sealed class AgreementPlanner(DateOnly today, IReadOnlyDictionary<string, Urusan> urusan)
{
    private static readonly (AgreementKind Kind, double Weight, PartnerType[] With)[] Kinds =
    [
        (Ksdd, 0.25, [PartnerType.PemerintahDaerah]),
        (Ksdpk, 0.45, [PartnerType.Swasta, PartnerType.PerguruanTinggi, PartnerType.BumnBumd, PartnerType.Ormas]),
        (AgreementKind.Sinergi, 0.18, [PartnerType.KementerianLembaga]),
        (Ksdpl, 0.05, [PartnerType.LuarNegeri]),
        (Ksdll, 0.07, [PartnerType.LuarNegeri]),
    ];

    private static readonly FundingSource[] Fundings =
        [FundingSource.Apbd, FundingSource.Apbd, FundingSource.Apbd, FundingSource.ApbdDanMitra, FundingSource.Apbn, FundingSource.Mitra];

    private sealed class RegionState(Region entity, Random rng, IReadOnlyList<Partner> partners, IReadOnlyList<Opd> opds, long order)
    {
        public Region Entity { get; } = entity;
        public Random Rng { get; } = rng;
        public IReadOnlyList<Partner> Partners { get; } = partners;
        public IReadOnlyList<Opd> Opds { get; } = opds;
        public List<PlannedAgreement> Made { get; } = [];
        public int Number { get; set; }
        public long Order { get; set; } = order;
    }

    public List<PlannedAgreement> Plan(Random rng, Region entity, int count, IReadOnlyList<Partner> partners, IReadOnlyList<Opd> opds, long order)
    {
        var region = new RegionState(entity, rng, partners, opds, order);
        while (region.Made.Count < count)
            PlanFamily(region, count);
        return region.Made;
    }

    private void PlanFamily(RegionState r, int count)
    {
        var rng = r.Rng;
        var (kind, _, with) = PickKind(rng);
        var pool = r.Partners.Where(p => with.Contains(p.Type)).ToList();
        if (pool.Count == 0)
            pool = [.. r.Partners];
        var parties = new List<Partner> { pool[rng.Next(pool.Count)] };
        if (kind is Ksdd or Ksdpk && rng.NextDouble() < 0.1 && pool.Count > 1)
            parties.Add(pool.Where(p => p != parties[0]).ElementAt(rng.Next(pool.Count - 1)));
        var topic = Topics.All[rng.Next(Topics.All.Length)];
        bool Room() => r.Made.Count < count;

        AgreementDocumentType rootType;
        var children = 0;
        var roll = rng.NextDouble();
        switch (kind)
        {
            case Ksdd:
                (rootType, children) = roll < 0.65 ? (KesepakatanBersama, rng.Next(0, 4)) : (PerjanjianKerjaSama, 0);
                break;
            case Ksdpk:
                (rootType, children) = roll < 0.35 ? (KesepakatanBersama, rng.Next(0, 4)) : (PerjanjianKerjaSama, 0);
                break;
            case AgreementKind.Sinergi:
                (rootType, children) = roll < 0.55 ? (NotaKesepakatan, rng.Next(0, 3)) : (PerjanjianKerjaSama, 0);
                break;
            default:
                (rootType, children) = roll < 0.75 ? (LoiMou, 0) : (KesepakatanBersama, rng.Next(0, 2));
                break;
        }

        var rootTitle = rootType == LoiMou
            ? $"{(kind == Ksdpl ? "Letter of Intent Kerja Sama" : "Memorandum of Understanding")} {Subject(rng, topic, r)}"
            : Subject(rng, topic, r);
        var root = Add(r, kind, rootType, rootTitle, parties, topic, parent: null, extends: null);
        var pksList = rootType == PerjanjianKerjaSama ? new List<Agreement> { root } : [];
        for (var i = 0; i < children && Room(); i++)
            pksList.Add(Add(r, kind, PerjanjianKerjaSama, Subject(rng, topic, r), parties, topic, root, extends: null));
        foreach (var pks in pksList.ToList())
        {
            if (Room() && rng.NextDouble() < 0.18)
            {
                var change = Topics.AddendumChanges[rng.Next(Topics.AddendumChanges.Length)];
                Add(r, kind, Adendum, $"Adendum I {pks.Title}: {change}", parties, topic, pks, extends: null);
            }
            if (Room() && pks.Lifecycle == AgreementLifecycle.Aktif && pks.EndsOn < today.AddDays(-30) && rng.NextDouble() < 0.15)
                Add(r, kind, PerjanjianKerjaSama, $"{pks.Title} Periode Kedua", parties, topic, pks.Parent, pks);
        }
    }

    private static (AgreementKind, double, PartnerType[]) PickKind(Random rng)
    {
        var x = rng.NextDouble();
        foreach (var kind in Kinds)
        {
            if ((x -= kind.Weight) < 0)
                return kind;
        }
        return Kinds[1];
    }

    private static string Subject(Random rng, Topic topic, RegionState r) =>
        topic.Subjects[rng.Next(topic.Subjects.Length)]
        + string.Format(System.Globalization.CultureInfo.InvariantCulture, Topics.Qualifiers[rng.Next(Topics.Qualifiers.Length)], r.Entity.Name);

    private Agreement Add(RegionState r, AgreementKind kind, AgreementDocumentType type, string title, List<Partner> parties, Topic topic,
        Agreement? parent, Agreement? extends)
    {
        var rng = r.Rng;
        var phrases = topic.Phrases.OrderBy(_ => rng.Next()).Take(3).ToList();
        var agreement = new Agreement
        {
            RegionCode = r.Entity.Code,
            Kind = kind,
            DocumentType = type,
            Title = title.Length > 500 ? title[..500] : title,
            Scope = $"{char.ToUpperInvariant(phrases[0][0])}{phrases[0][1..]}, {phrases[1]} dan {phrases[2]} di {PartnerNames.Place(r.Entity)}.",
            Parent = parent,
            Extends = extends,
        };
        agreement.Partners.AddRange(parties.OrderBy(p => p.Id));
        agreement.Urusan.AddRange(topic.Urusan.Take(rng.Next(1, topic.Urusan.Length + 1)).Where(urusan.ContainsKey).Select(c => urusan[c]));
        if (r.Opds.Count > 0)
        {
            var fitting = r.Opds.Where(o => o.Urusan.Any(u => topic.Urusan.Contains(u.Code))).ToList();
            agreement.Opds.Add(fitting.Count > 0 ? fitting[rng.Next(fitting.Count)] : r.Opds[rng.Next(r.Opds.Count)]);
            if (rng.NextDouble() < 0.25)
                agreement.Opds.Add(r.Opds[rng.Next(r.Opds.Count)]);
            var opds = agreement.Opds.Distinct().OrderBy(o => o.Id).ToList();
            agreement.Opds.Clear();
            agreement.Opds.AddRange(opds);
        }
        Schedule(rng, agreement, parent, extends);
        Money(rng, agreement);
        if (agreement.Lifecycle != AgreementLifecycle.Draf)
        {
            var year = agreement.SignedOn!.Value.Year;
            agreement.Number = $"{(type == PerjanjianKerjaSama ? "119" : "180")}/{++r.Number:0000}/KS-{r.Entity.Code.Replace(".", "", StringComparison.Ordinal)}/{year}";
            agreement.PartnerNumber = rng.NextDouble() < 0.8 ? $"{rng.Next(1, 999):000}/MITRA/{year}" : null;
        }
        agreement.ShareWithPartnerRegions();
        var hasDocument = agreement.Lifecycle != AgreementLifecycle.Draf && rng.NextDouble() < 0.36;
        r.Made.Add(new PlannedAgreement(agreement, topic, hasDocument, rng.Next(), r.Order++));
        return agreement;
    }

    private void Schedule(Random rng, Agreement a, Agreement? parent, Agreement? extends)
    {
        var earliest = new[] { parent?.CreatedAt, extends?.CreatedAt }.Max() ?? DateTime.MinValue;
        if (parent?.Lifecycle == AgreementLifecycle.Draf || rng.NextDouble() < 0.05)
        {
            a.Lifecycle = AgreementLifecycle.Draf;
            Stamp(a, today.AddDays(-rng.Next(0, 150)), rng, earliest);
            return;
        }

        var roll = rng.NextDouble();
        DateOnly signed;
        if (extends?.EndsOn is { } previousEnd)
            signed = Min(today, previousEnd.AddDays(-rng.Next(0, 60)));
        else if (parent?.SignedOn is { } parentSigned)
            signed = parentSigned.AddDays(rng.Next(0, Math.Max(0, Min(today, parent.EndsOn ?? today).DayNumber - parentSigned.DayNumber) + 1));
        else if (roll is >= 0.04 and < 0.05)
            signed = today.AddDays(-rng.Next(0, 30));
        else
            signed = today.AddDays(-rng.Next(0, 8 * 365));

        int[] durations = a.DocumentType switch
        {
            KesepakatanBersama or NotaKesepakatan => [24, 36, 60, 60, 60],
            PerjanjianKerjaSama => [12, 18, 24, 36, 48],
            Adendum => [6, 12, 18],
            _ => [12, 24, 36],
        };
        var months = durations[rng.Next(durations.Length)];
        a.Lifecycle = AgreementLifecycle.Aktif;
        a.SignedOn = signed;
        a.StartsOn = signed;
        if (roll < 0.04 && extends is null)
        {
            // Ends within the "akan berakhir" window: an end date typed instead of a duration.
            a.EndsOn = today.AddDays(rng.Next(0, 90));
        }
        else
        {
            if (roll < 0.05 && parent is null && extends is null)
                a.StartsOn = today.AddDays(rng.Next(14, 75));
            a.DurationMonths = months;
            a.EndsOn = AgreementStatusRules.EndFromDuration(a.StartsOn.Value, months);
        }
        if (rng.NextDouble() < 0.03 && a.StartsOn <= today)
        {
            a.Lifecycle = AgreementLifecycle.Diakhiri;
            a.TerminatedOn = a.StartsOn.Value.AddDays(rng.Next(0, Math.Max(0, Min(today, a.EndsOn.Value).DayNumber - a.StartsOn.Value.DayNumber) + 1));
            a.TerminationReason = Topics.TerminationReasons[rng.Next(Topics.TerminationReasons.Length)];
        }
        Stamp(a, Min(today, signed.AddDays(rng.Next(0, 30))), rng, earliest);
    }

    /// <summary>Recorded in Sinergi on that day during office hours, after whatever it hangs on.</summary>
    private static void Stamp(Agreement a, DateOnly day, Random rng, DateTime earliest)
    {
        var at = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(1, 0)).AddSeconds(rng.Next(0, 9 * 3600)), DateTimeKind.Utc);
        a.CreatedAt = a.UpdatedAt = at > earliest ? at : earliest.AddSeconds(rng.Next(1, 3600));
    }

    private static void Money(Random rng, Agreement a)
    {
        if (a.DocumentType is PerjanjianKerjaSama or Adendum && rng.NextDouble() < 0.55)
        {
            var value = Math.Exp(Math.Log(5e7) + (rng.NextDouble() * (Math.Log(2e10) - Math.Log(5e7))));
            a.Value = Math.Round((decimal)value / 1_000_000m) * 1_000_000m;
            a.Funding = Fundings[rng.Next(Fundings.Length)];
        }
        else
        {
            a.Funding = rng.NextDouble() < 0.65 ? FundingSource.TanpaBiaya : null;
        }
        a.DprdApprovalRequired = a.Kind is Ksdpl or Ksdll
            || (a.Kind == Ksdd && a.DocumentType == KesepakatanBersama && rng.NextDouble() < 0.3)
            || (a.Value > 5_000_000_000m && rng.NextDouble() < 0.3);
        if (a.DprdApprovalRequired && a.SignedOn is { } signed)
        {
            a.DprdApprovedOn = signed.AddDays(-20);
            a.DprdApprovalNumber = $"{rng.Next(1, 40)}/DPRD/{signed.Year}";
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
