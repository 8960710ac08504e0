namespace Sinergi.Features.Agreements;

/// <summary>How a status looks on a page (the <c>_StatusBadge</c> partial): its Bootstrap colour.</summary>
public static class StatusBadge
{
    public static string Colour(AgreementStatus status) => status switch
    {
        AgreementStatus.Draf => "secondary",
        AgreementStatus.BelumBerlaku => "info",
        AgreementStatus.Berlaku => "success",
        AgreementStatus.AkanBerakhir => "warning",
        AgreementStatus.Berakhir => "dark",
        _ => "danger",
    };
}
