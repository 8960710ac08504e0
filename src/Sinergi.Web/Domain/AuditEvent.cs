namespace Sinergi.Web.Domain;

/// <summary>
/// One entry of the history of an agreement (or of a partner): who did what, when, and which fields
/// went from what to what. Appended only; the database refuses updates and deletes of this table.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>"Agreement" or "Partner".</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Action { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public List<AuditChange> Changes { get; set; } = [];
}

/// <summary>A field as a person reads it (label and display values), before and after.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

public static class AuditActions
{
    public const string Created = "Dibuat";
    public const string Changed = "Diubah";
    public const string DocumentUploaded = "Dokumen diunggah";
    public const string Terminated = "Diakhiri";
    public const string Extended = "Diperpanjang";
    public const string Deleted = "Dihapus";
    public const string Merged = "Digabung";
}
