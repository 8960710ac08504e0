namespace Sinergi.Web.Domain;

/// <summary>
/// An Organisasi Perangkat Daerah (dinas, badan, bagian) of one region. OPD operators work only
/// inside their OPD; each OPD carries the urusan it runs.
/// </summary>
public class Opd : IRegionOwned, IVersioned
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public string? HeadName { get; set; }
    public string? HeadNip { get; set; }
    public List<Urusan> Urusan { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>NIP of a civil servant: 18 digits.</summary>
    public static bool IsValidNip(string? nip) => nip is { Length: 18 } && nip.All(char.IsAsciiDigit);
}
