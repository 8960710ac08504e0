#!/usr/bin/env python3
"""Writes the import fixtures: a messy registry spreadsheet as a regional office keeps it.

Run from this folder: python3 make_workbooks.py
- daftar-kerja-sama.fods is written here (LibreOffice's flat XML), then LibreOffice
  (soffice --headless) converts it to .xlsx and .xls: two files written by LibreOffice.
- daftar-kerja-sama-tangan.xlsx is written by hand with Python's zipfile: a second tool.
- the CSV files are written in the two ways offices save them: semicolons in Windows-1252
  (Excel with Indonesian regional settings) and commas in UTF-8 with a BOM.
- rusak.xlsx is a truncated workbook; kosong.xlsx has a title but no data.
The committed outputs are what the tests read; LibreOffice is not needed to run the tests.
"""
import csv
import io
import subprocess
import zipfile
from xml.sax.saxutils import escape

TITLE = ["DAFTAR KERJA SAMA DAERAH", "PEMERINTAH KOTA PALANGKA RAYA", "Keadaan s.d. 31 Desember 2025"]
HEAD1 = ["No", "Nomor KB/PKS", "Tentang", "Para Pihak", "Jenis", "Tgl. Penandatanganan", "Masa Berlaku", None, "OPD Pelaksana", "Nilai (Rp)", "Keterangan"]
HEAD2 = [None, None, None, None, None, None, "Jangka Waktu", "Berlaku s.d.", None, None, None]
# A date cell is ("date", "YYYY-MM-DD"); everything else is text as typed.
ROWS = [
    [1, "180/012/PEM/2023", "Kesepakatan Bersama tentang Kerja Sama Pembangunan Wilayah Perbatasan", "Pemerintah Kabupaten Pulang Pisau", "KSDD", "15 Januari 2023", "5 (lima) tahun", None, "Sekretariat Daerah", "-", None],
    [2, "119/045/DLH/2024", "Perjanjian Kerja Sama Pengelolaan Sampah Regional", "Kabupaten Pulang Pisau", None, "15-01-2024", None, "2024 s.d. 2027", "DLH", "Rp 2.400.000.000", None],
    [3, "119/046/DINKES/2024", "PKS Perluasan Kepesertaan Jaminan Kesehatan", "BPJS Kesehatan Cabang Palangka Raya", None, "15/1/2024", "2 tahun", None, "Dinas Kesehatan", "1.250.000.000", None],
    [4, "180/050/PEM/2022", "Nota Kesepakatan Pemanfaatan Data Kependudukan", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri", "Sinergi", "15 Jan 2022", None, "s/d 31 Desember 2027", "Disdukcapil", None, "perlu perpanjangan"],
    [5, "119/060/BPKAD/2025", "Perjanjian Kerja Sama Layanan Kas Daerah", "PT. Bank Pembangunan Daerah Kalimantan Tengah", "KSDPK", ("date", "2025-03-01"), "5 (lima) tahun", None, "BPKAD", "0", None],
    [6, "005/UPR/2024", "Kesepakatan Bersama Tridharma Perguruan Tinggi", "Universitas Palangka Raya; Universitas Muhammadiyah Palangkaraya", None, "2 Mei 2024", "4 tahun 6 bulan", None, "Bapperida", None, None],
    [7, None, "MoU Kota Bersaudara Palangka Raya - Kuching", "Kuching North City Commission, Malaysia", None, "12 Agustus 2024", "3 (tiga) tahun", None, "Sekretariat Daerah", None, "menunggu persetujuan DPRD"],
]


def cell_xml(value, span=1):
    attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, tuple):
        return (f'<table:table-cell{attrs} table:style-name="tgl" office:value-type="date" office:date-value="{value[1]}">'
                f"<text:p>{value[1]}</text:p></table:table-cell>")
    if isinstance(value, int):
        return f'<table:table-cell{attrs} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def write_fods(path):
    width = len(HEAD1)
    rows = []
    for title in TITLE:
        rows.append(f"<table:table-row>{cell_xml(title, width)}{'<table:covered-table-cell/>' * (width - 1)}</table:table-row>")
    rows.append("<table:table-row><table:table-cell/></table:table-row>")
    head1 = "".join(cell_xml(v, 2) + "<table:covered-table-cell/>" if v == "Masa Berlaku" else cell_xml(v) for v in HEAD1 if v is not None or False)
    rows.append(f"<table:table-row>{head1}</table:table-row>")
    rows.append(f"<table:table-row>{''.join(cell_xml(v) for v in HEAD2)}</table:table-row>")
    for row in ROWS:
        rows.append(f"<table:table-row>{''.join(cell_xml(v) for v in row)}</table:table-row>")
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="d"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
  <style:style style:name="tgl" style:family="table-cell" style:data-style-name="d"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="Kerja Sama 2025">{''.join(rows)}</table:table></office:spreadsheet></office:body>
</office:document>"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


def text_of(value):
    if isinstance(value, tuple):
        y, m, d = value[1].split("-")
        return f"{d}/{m}/{y}"
    return "" if value is None else str(value)


def write_csvs():
    lines = [HEAD1[:6] + ["Jangka Waktu", "Berlaku s.d."] + HEAD1[8:]] + [[text_of(v) for v in row] for row in ROWS]
    with open("daftar-kerja-sama-titik-koma.csv", "w", encoding="cp1252", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(lines)
    with open("daftar-kerja-sama-koma.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=",", lineterminator="\n").writerows(lines)


def write_hand_xlsx(path):
    """A minimal workbook with inline strings and one date serial, as small tools write them."""
    lines = [[TITLE[0]], []] + [HEAD1[:6] + ["Jangka Waktu", "Berlaku s.d."] + HEAD1[8:]] + ROWS
    def col(i):
        return chr(ord("A") + i)
    rows = []
    for r, line in enumerate(lines, start=1):
        cells = []
        for c, value in enumerate(line):
            ref = f"{col(c)}{r}"
            if value is None:
                continue
            if isinstance(value, tuple):
                # 2025-03-01 is serial 45717 in the 1900 date system.
                cells.append(f'<c r="{ref}" s="1"><v>45717</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rekap" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{"".join(rows)}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 12, 31, 12, 0, 0))
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    write_fods("daftar-kerja-sama.fods")
    for target in ("xlsx", "xls"):
        subprocess.run(["soffice", "--headless", "--convert-to", target, "daftar-kerja-sama.fods"], check=True, capture_output=True)
    write_hand_xlsx("daftar-kerja-sama-tangan.xlsx")
    write_csvs()
    with open("daftar-kerja-sama.xlsx", "rb") as f:
        whole = f.read()
    with open("rusak.xlsx", "wb") as f:
        f.write(whole[: len(whole) // 2])
    print("fixtures written")
