using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sinergi.Features.Regions;

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

internal sealed class UrusanConfiguration : IEntityTypeConfiguration<Urusan>
{
    public void Configure(EntityTypeBuilder<Urusan> urusan)
    {
        urusan.HasKey(u => u.Code);
        urusan.Property(u => u.Code).HasMaxLength(5);
        urusan.Property(u => u.Name).HasMaxLength(100);
        urusan.Property(u => u.Group).HasConversion<string>().HasMaxLength(30);
    }
}
