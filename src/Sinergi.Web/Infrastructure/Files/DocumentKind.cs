namespace Sinergi.Infrastructure.Files;

/// <summary>The kinds of agreement document Sinergi accepts, decided by content (<see cref="FileInspector"/>).</summary>
/// <remarks>Numbered from 1 so that an unset value is never mistaken for a PDF if the kind is stored.</remarks>
public enum DocumentKind
{
    Pdf = 1,
    Docx = 2,
    Xlsx = 3,
    Jpeg = 4,
    Png = 5,
}

public static class DocumentKinds
{
    /// <summary>For an <c>accept</c> attribute of a file input.</summary>
    public const string AcceptedExtensions = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";

    /// <summary>The names people know the accepted kinds by, as a sentence ends them.</summary>
    public const string AcceptedNames = "PDF, DOCX, XLSX, JPG atau PNG";

    public static string ContentType(this DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DocumentKind.Jpeg => "image/jpeg",
        DocumentKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>PDF, DOCX, XLSX, JPG, PNG: what a person calls the kind.</summary>
    public static string Name(this DocumentKind kind) => kind switch
    {
        DocumentKind.Jpeg => "JPG",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary>The kind a stored content type (<see cref="ContentType"/>) stands for, or null.</summary>
    public static DocumentKind? FromContentType(string contentType) =>
        Enum.GetValues<DocumentKind>().Cast<DocumentKind?>().FirstOrDefault(k => k!.Value.ContentType() == contentType);

    /// <summary>The kind a file name promises by its extension (any letter case), or null.</summary>
    public static DocumentKind? FromExtension(string extension) => extension.ToLowerInvariant() switch
    {
        ".pdf" => DocumentKind.Pdf,
        ".docx" => DocumentKind.Docx,
        ".xlsx" => DocumentKind.Xlsx,
        ".jpg" or ".jpeg" => DocumentKind.Jpeg,
        ".png" => DocumentKind.Png,
        _ => null,
    };
}
