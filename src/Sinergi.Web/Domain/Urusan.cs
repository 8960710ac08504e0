namespace Sinergi.Web.Domain;

public enum UrusanGroup
{
    WajibPelayananDasar,
    WajibNonPelayananDasar,
    Pilihan,
    Penunjang,
}

/// <summary>An urusan pemerintahan (UU 23/2014 nomenclature), e.g. <c>1.02</c> Kesehatan.</summary>
public class Urusan
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UrusanGroup Group { get; set; }

    public static string GroupLabel(UrusanGroup group) => group switch
    {
        UrusanGroup.WajibPelayananDasar => "Wajib, pelayanan dasar",
        UrusanGroup.WajibNonPelayananDasar => "Wajib, non pelayanan dasar",
        UrusanGroup.Pilihan => "Pilihan",
        _ => "Penunjang urusan",
    };
}
