using System.Xml;

namespace Sinergi.Infrastructure.Files;

/// <summary>
/// How the parts of an uploaded DOCX or XLSX are read, by the text extractor and the import alike.
/// OOXML never carries a DTD, so one is refused (no entity expansion, no external fetch); sizes are
/// bounded by the caller, which counts what the ZIP inflates.
/// </summary>
public static class OfficeXml
{
    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };
}
