#!/usr/bin/env python3
"""Writes registry lists that end the way offices end them: notes and a signature block under the table.

Run from this folder: python3 make_footers.py
- ttd-libreoffice.fods is written here (LibreOffice's flat XML) and LibreOffice converts it to
  ttd-libreoffice.xlsx (soffice --headless --convert-to xlsx). A "No" column, a blank line inside
  the table, notes right under the last row (merged over four columns) and two signature blocks
  side by side, the left one in the agreement-number column.
- ttd-python.xlsx is written with Python's zipfile and shared strings, as small tools write
  workbooks: no "No" column, a JUMLAH row, notes in the agreement-number column after a blank
  line, and a signature block right of the table's last column.
- ttd-titik-koma.csv: semicolons in UTF-8, the footer directly under the table.
The committed outputs are what the tests read; LibreOffice is not needed to run the tests.
"""
import csv
import subprocess
import zipfile
from xml.sax.saxutils import escape

# ---------------------------------------------------------------- LibreOffice
LO_TITLE = ["REKAPITULASI KERJA SAMA DAERAH", "PEMERINTAH KOTA PALANGKA RAYA TAHUN 2026"]
LO_HEAD = ["No", "Nomor Perjanjian", "Judul Kerja Sama", "Mitra", "Tanggal Penandatanganan", "Jangka Waktu", "Perangkat Daerah", "Keterangan"]
# None is an empty cell; ("date", "YYYY-MM-DD") a real date cell; ("span", n, text) a cell merged over n columns.
LO_ROWS = [
    [1, "415.4/021/PEM/2023", "Kesepakatan Bersama Pengembangan Wisata Sungai Kahayan", "Kabupaten Pulang Pisau", "1 Maret 2023", "2023 s.d. 2028", "Dinas Pariwisata", None],
    [2, "119/077/DINKES/2024", "Perjanjian Kerja Sama Pelayanan Kesehatan Rujukan", "BPJS Kesehatan Cabang Palangka Raya", ("date", "2024-06-10"), "3 (tiga) tahun", "Dinas Kesehatan", None],
    [],
    [3, None, "Kesepakatan Bersama Magang Mahasiswa", "Universitas Palangka Raya", "5 Agustus 2025", "2 tahun", "Bapperida", "nomor menyusul"],
    [4, "500/031/DISHUB/2025", "Perjanjian Kerja Sama Angkutan Sungai", "PT Dharma Lautan Utama", "2 Oktober 2025", "5 tahun", "Dishub", None],
    [("span", 4, "Keterangan: KB = Kesepakatan Bersama; PKS = Perjanjian Kerja Sama")],
    ["* Nomor baris 3 menunggu registrasi Bagian Hukum."],
    [],
    [None, "Mengetahui,", None, None, None, "Palangka Raya, 30 September 2026"],
    [None, "SEKRETARIS DAERAH", None, None, None, "KEPALA BAGIAN PEMERINTAHAN"],
    [None, "ttd", None, None, None, "ttd"],
    [None, "Drs. H. ASEP SUPRIATNA, M.Si", None, None, None, "RAHMAT HIDAYAT, S.STP, M.Si"],
    [None, "NIP. 19700101 199001 1 001", None, None, None, "NIP. 19800202 200501 1 002"],
]


def fods_cell(value):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, tuple) and value[0] == "date":
        return (f'<table:table-cell table:style-name="tgl" office:value-type="date" office:date-value="{value[1]}">'
                f"<text:p>{value[1]}</text:p></table:table-cell>")
    if isinstance(value, tuple) and value[0] == "span":
        return (f'<table:table-cell table:number-columns-spanned="{value[1]}" office:value-type="string"><text:p>{escape(value[2])}</text:p>'
                f"</table:table-cell>{'<table:covered-table-cell/>' * (value[1] - 1)}")
    if isinstance(value, int):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def write_fods(path):
    width = len(LO_HEAD)
    rows = [f"<table:table-row>{fods_cell(('span', width, t))}</table:table-row>" for t in LO_TITLE]
    rows.append("<table:table-row><table:table-cell/></table:table-row>")
    for line in [LO_HEAD] + LO_ROWS:
        rows.append(f"<table:table-row>{''.join(fods_cell(v) for v in line) or '<table:table-cell/>'}</table:table-row>")
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
 <office:body><office:spreadsheet><table:table table:name="Rekap 2026">{''.join(rows)}</table:table></office:spreadsheet></office:body>
</office:document>"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


# ---------------------------------------------------------------- Python, zipfile
PY_HEAD = ["Nomor", "Tentang", "Pihak Kedua", "Tgl. TTD", "Masa Berlaku", "OPD", "Nilai (Rp)"]
PY_ROWS = [
    ["180/101/PEM/2024", "Penyelenggaraan Pendidikan Vokasi Kesehatan", "Politeknik Kesehatan Kemenkes Palangka Raya", "12 Februari 2024", "2024 s.d. 2026", "Disdik", "Rp 150.000.000"],
    ["180/102/PEM/2024", "Pemanfaatan Barang Milik Daerah untuk Layanan Pos", "PT Pos Indonesia (Persero) KCU Palangka Raya", "3 April 2024", "5 tahun", "BPKAD", "Rp 75.000.000"],
    ["180/103/PEM/2025", "Promosi Wisata Bersama Tiga Daerah", "Kabupaten Katingan", "20 Januari 2025", "3 tahun", "Dinas Pariwisata", "-"],
    [None, "JUMLAH", None, None, None, None, "Rp 225.000.000"],
    [],
    ["Keterangan:"],
    ["1. Data per 30 September 2026"],
    ["2. Nilai dalam Rupiah"],
    [],
    [None, None, None, None, None, None, None, None, "Palangka Raya, 30 September 2026"],
    [None, None, None, None, None, None, None, None, "KEPALA BAGIAN PEMERINTAHAN,"],
    [None, None, None, None, None, None, None, None, "SETDA KOTA PALANGKA RAYA"],
    [None, None, None, None, None, None, None, None, "ttd"],
    [],
    [None, None, None, None, None, None, None, None, "RAHMAT HIDAYAT, S.STP, M.Si"],
    [None, None, None, None, None, None, None, None, "Pembina Tk. I (IV/b)"],
    [None, None, None, None, None, None, None, None, "NIP. 19800202 200501 1 002"],
]


def write_python_xlsx(path):
    lines = [["DAFTAR PERJANJIAN KERJA SAMA"], []] + [PY_HEAD] + PY_ROWS
    strings = []

    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    rows = []
    merges = []
    for r, line in enumerate(lines, start=1):
        cells = []
        for c, value in enumerate(line):
            if value is not None:
                cells.append(f'<c r="{chr(ord("A") + c)}{r}" t="s"><v>{shared(value)}</v></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        if line == ["Keterangan:"]:
            merges.append(f'<mergeCell ref="A{r}:D{r}"/>')
    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="KS" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{"".join(rows)}</sheetData><mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 9, 30, 12, 0, 0)), text.encode("utf-8"))


# ---------------------------------------------------------------- CSV
CSV_LINES = [
    ["No.", "No. PKS", "Perihal", "Nama Mitra", "Tanggal", "Berlaku s.d.", "SKPD"],
    ["1", "070/15/BAPPERIDA/2025", "Riset Bersama Gambut dan Karhutla", "Universitas Palangka Raya", "14-03-2025", "31-12-2027", "Bapperida"],
    ["", "", "", "", "", "", ""],
    ["2", "070/16/BAPPERIDA/2025", "Pengembangan Desa Wisata Kahayan", "Universitas Muhammadiyah Palangkaraya", "15-03-2025", "31-12-2026", "Dinas Pariwisata"],
    ["Catatan: daftar ini belum termasuk kerja sama yang masih dalam proses.", "", "", "", "", "", ""],
    ["", "", "", "", "", "Palangka Raya, 30 September 2026", ""],
    ["", "", "", "", "", "Kepala Bapperida Kota Palangka Raya", ""],
    ["", "", "", "", "", "ttd", ""],
    ["", "", "", "", "", "DIAN KUSUMA, S.T., M.T.", ""],
    ["", "", "", "", "", "NIP. 19751010 200003 2 004", ""],
]


def write_csv(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(CSV_LINES)


if __name__ == "__main__":
    write_fods("ttd-libreoffice.fods")
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "ttd-libreoffice.fods"], check=True, capture_output=True)
    write_python_xlsx("ttd-python.xlsx")
    write_csv("ttd-titik-koma.csv")
    print("fixtures written")
