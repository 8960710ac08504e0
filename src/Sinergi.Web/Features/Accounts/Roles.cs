namespace Sinergi.Features.Accounts;

/// <summary>The roles of the architecture page; names are stored, labels are shown.</summary>
public static class Roles
{
    public const string AdminKerjaSama = nameof(AdminKerjaSama);
    public const string Tkksd = nameof(Tkksd);
    public const string OpdOperator = nameof(OpdOperator);
    public const string Pimpinan = nameof(Pimpinan);
    public const string Mitra = nameof(Mitra);
    public const string Overseer = nameof(Overseer);
    public const string SystemAdmin = nameof(SystemAdmin);

    public static readonly IReadOnlyList<string> All =
        [AdminKerjaSama, Tkksd, OpdOperator, Pimpinan, Mitra, Overseer, SystemAdmin];

    /// <summary>
    /// Who reads the region's registry: everyone in government. A Mitra account belongs to a partner
    /// and follows its own offers only; the registry's other partners and internal notes are not its to read.
    /// </summary>
    public static readonly string[] RegistryReaders = [AdminKerjaSama, Tkksd, OpdOperator, Pimpinan, Overseer, SystemAdmin];

    public static bool Exists(string? role) => role is not null && All.Contains(role);

    public static string Label(string role) => role switch
    {
        AdminKerjaSama => "Admin Kerja Sama",
        Tkksd => "Anggota TKKSD",
        OpdOperator => "Operator OPD",
        Pimpinan => "Pimpinan",
        Mitra => "Mitra",
        Overseer => "Pengawas (Provinsi/Kemendagri)",
        SystemAdmin => "Admin Sistem",
        _ => role,
    };

    public static string Description(string role) => role switch
    {
        AdminKerjaSama => "Mengelola seluruh data kerja sama, OPD dan pengguna daerah.",
        Tkksd => "Menelaah usulan dan melakukan monitoring serta evaluasi.",
        OpdOperator => "Mengusulkan dan mengelola kerja sama OPD-nya sendiri.",
        Pimpinan => "Melihat dasbor dan laporan.",
        Mitra => "Mengikuti status penawaran dan mengunggah dokumen.",
        Overseer => "Membaca rekap kerja sama daerah yang diawasi.",
        SystemAdmin => "Mengelola instalasi Sinergi untuk semua daerah.",
        _ => "",
    };

    /// <summary>An OPD operator works inside one OPD, so the OPD is required.</summary>
    public static bool RequiresOpd(string role) => role == OpdOperator;

    /// <summary>
    /// Roles that read beyond the one region an account belongs to: a Pengawas reads every region
    /// it oversees, an Admin Sistem all of them. Only an Admin Sistem gives them (<see cref="Granter"/>).
    /// </summary>
    public static bool ReachesBeyondRegion(string role) => role is Overseer or SystemAdmin;

    /// <summary>
    /// Roles an account of the region (by its code) can hold: overseers sit in a province or, with
    /// no region, in the ministry; system admins have no region. Who may give them is <see cref="Granter"/>'s to say.
    /// </summary>
    public static IReadOnlyList<string> AssignableIn(string? regionCode) => regionCode switch
    {
        null => [Overseer, SystemAdmin],
        _ when !regionCode.Contains('.') => [AdminKerjaSama, Tkksd, OpdOperator, Pimpinan, Mitra, Overseer],
        _ => [AdminKerjaSama, Tkksd, OpdOperator, Pimpinan, Mitra],
    };
}
