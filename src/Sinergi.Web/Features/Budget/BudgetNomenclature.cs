using System.Text.RegularExpressions;

namespace Sinergi.Features.Budget;

/// <summary>
/// The national nomenclature of regional programmes (Kepmendagri 050-5889/2021): a program
/// <c>4.01.03</c> is urusan <c>4.01</c> and program <c>03</c>; a kegiatan <c>4.01.03.1.03</c> lies
/// under its program; a sub-kegiatan <c>4.01.03.1.03.01</c> (SIPD writes <c>.0001</c>) under its
/// kegiatan. Shapes and the hierarchy are checked here; the urusan must be one of the 42.
/// </summary>
public static partial class BudgetNomenclature
{
    public enum Level
    {
        Program,
        Kegiatan,
        SubKegiatan,
    }

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}$")]
    private static partial Regex ProgramShape();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$")]
    private static partial Regex KegiatanShape();

    [GeneratedRegex(@"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(\d{2}|\d{4})$")]
    private static partial Regex SubKegiatanShape();

    public static bool HasShape(string code, Level level) => level switch
    {
        Level.Program => ProgramShape().IsMatch(code),
        Level.Kegiatan => KegiatanShape().IsMatch(code),
        _ => SubKegiatanShape().IsMatch(code),
    };

    public static string ShapeProblem(Level level) => level switch
    {
        Level.Program => "Kode program harus berpola X.XX.XX, mis. 4.01.03.",
        Level.Kegiatan => "Kode kegiatan harus berpola X.XX.XX.X.XX, mis. 4.01.03.1.03.",
        _ => "Kode sub-kegiatan harus berpola X.XX.XX.X.XX.XX atau X.XX.XX.X.XX.XXXX, mis. 4.01.03.1.03.01.",
    };

    /// <summary>The urusan a program code belongs to: <c>4.01</c> of <c>4.01.03</c>.</summary>
    public static string UrusanOf(string code) => code[..4];

    /// <summary>True when <paramref name="child"/> lies directly under <paramref name="parent"/>.</summary>
    public static bool IsUnder(string child, string parent) => child.StartsWith(parent + ".", StringComparison.Ordinal);

    /// <summary>
    /// One code of any level (as a spreadsheet gives it) as the three fields of a line:
    /// <c>4.01.03.1.03</c> is program <c>4.01.03</c> and kegiatan <c>4.01.03.1.03</c>. Null when it has no known shape.
    /// </summary>
    public static (string Program, string? Kegiatan, string? SubKegiatan)? Split(string? code)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code))
            return null;
        if (HasShape(code, Level.Program))
            return (code, null, null);
        if (HasShape(code, Level.Kegiatan))
            return (code[..7], code, null);
        if (HasShape(code, Level.SubKegiatan))
            return (code[..7], code[..12], code);
        return null;
    }
}
