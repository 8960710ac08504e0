using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Sinergi.Infrastructure.Spreadsheets;

/// <summary>
/// The Open XML SDK names the target of every relationship by its absolute part name
/// (<c>/xl/workbook.xml</c>). The format allows it, but Excel itself writes names relative to the
/// part that points at them (<c>xl/workbook.xml</c>, <c>worksheets/sheet1.xml</c>), and some readers
/// look for exactly that and find an empty workbook or refuse the file. This copies a package,
/// rewriting those names the way Excel writes them.
/// </summary>
internal static class PackageRelationships
{
    private const string RelationshipsFolder = "_rels/";

    public static void CopyWithRelativeTargets(Stream package, Stream output)
    {
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // Excel puts the content types first; some readers expect them there.
        foreach (var entry in source.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1))
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = entry.LastWriteTime;
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                Rewrite(entry.FullName, from, to);
            else
                from.CopyTo(to);
        }
    }

    private static void Rewrite(string relsName, Stream from, Stream to)
    {
        var document = XDocument.Load(from);
        // "xl/_rels/workbook.xml.rels" holds the relationships of "xl/workbook.xml": its targets are relative to "xl/".
        var folder = relsName[..Math.Max(0, relsName.LastIndexOf(RelationshipsFolder, StringComparison.Ordinal))];
        foreach (var relationship in document.Root!.Elements().Where(e => e.Name.LocalName == "Relationship"))
        {
            var targetName = relationship.Attribute("Target")?.Value;
            if (targetName is null || !targetName.StartsWith('/') || relationship.Attribute("TargetMode")?.Value == "External")
                continue;
            relationship.SetAttributeValue("Target", Relative(folder, targetName[1..]));
        }
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        document.Save(writer);
    }

    /// <summary>The path of <paramref name="part"/> ("xl/styles.xml") seen from <paramref name="folder"/> ("xl/").</summary>
    internal static string Relative(string folder, string part)
    {
        var from = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = part.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
            common++;
        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }
}
