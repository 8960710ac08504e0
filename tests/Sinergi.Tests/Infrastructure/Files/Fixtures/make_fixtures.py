#!/usr/bin/env python3
"""Writes the committed upload fixtures with nothing but Python's standard library, so the tests
read files that neither .NET nor PDFsharp produced. Run it from this folder; the output is
byte-for-byte the same on every run (fixed zip timestamps, no random data)."""

import struct
import zipfile
import zlib

ZIP_TIME = (2026, 11, 25, 9, 0, 0)


def write_pdf(path, pages):
    """A two-page PDF 1.4 with the standard Helvetica font, written object by object."""
    objects = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for i, lines in enumerate(pages):
        content_id = page_ids[i] + 1
        objects.append((
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>").encode())
        ops = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/>
</Relationships>"""


def write_docx(path):
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
    document = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>
<w:p><w:r><w:t>PERJANJIAN KERJA SAMA</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Pemerintah Kota Palangkaraya </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>dan Universitas Palangka Raya</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Pasal 1</w:t></w:r><w:r><w:tab/><w:t>Ruang lingkup: penelitian gambut &amp; pengabdian masyarakat.</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body>
</w:document>"""
    write_zip(path, [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", RELS.format(target="word/document.xml")),
        ("word/document.xml", document),
    ])


def write_xlsx(path):
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
    workbook = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Anggaran" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
    workbook_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
    shared = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{main}" count="3" uniqueCount="3">
<si><t>Kegiatan</t></si>
<si><t>Nilai (Rp)</t></si>
<si><r><t xml:space="preserve">Penyediaan air minum </t></r><r><rPr><b/></rPr><t>Kabupaten Pulang Pisau</t></r><rPh sb="0" eb="1"><t>FONETIK</t></rPh></si>
</sst>"""
    sheet = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{main}">
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1250000000</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Catatan: anggaran tahun 2027</t></is></c></row>
</sheetData>
</worksheet>"""
    write_zip(path, [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", RELS.format(target="xl/workbook.xml")),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet),
    ])


def write_png(path, width=16, height=16):
    """An RGB image: a green band across a white field."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for _ in range(width):
            rows += b"\x1e\x8c\x46" if 5 <= y < 11 else b"\xff\xff\xff"
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(bytes(rows), 9))
    data += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def write_jpeg(path):
    """A baseline JFIF JPEG of one 8x8 mid-grey block: the DC coefficient is 0 and every AC
    coefficient is 0, so the scan is two one-bit Huffman codes (DC category 0, then EOB)."""
    def segment(marker, payload):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload

    one_code = bytes([1] + [0] * 15) + b"\x00"  # one symbol (0x00) with a 1-bit code "0"
    data = b"\xff\xd8"
    data += segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    data += segment(0xDB, b"\x00" + bytes([1] * 64))
    data += segment(0xC0, b"\x08" + struct.pack(">HH", 8, 8) + b"\x01\x01\x11\x00")
    data += segment(0xC4, b"\x00" + one_code)  # DC table 0
    data += segment(0xC4, b"\x10" + one_code)  # AC table 0
    data += segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    data += b"\x3f"  # bits 0 (DC diff 0), 0 (EOB), then padding ones
    data += b"\xff\xd9"
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    write_pdf("nota-kesepakatan.pdf", [
        ["NOTA KESEPAKATAN", "Pemerintah Kota Palangkaraya dan Pemerintah Kabupaten Pulang Pisau"],
        ["Bidang: pengelolaan sampah regional (TPA bersama)"],
    ])
    write_docx("perjanjian.docx")
    write_xlsx("anggaran.xlsx")
    write_png("peta.png")
    write_jpeg("foto.jpg")
