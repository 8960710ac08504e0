namespace Sinergi.Web;

public static class Text
{
    /// <summary>Trims and collapses runs of whitespace; blank becomes null. What people type into a form field.</summary>
    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
