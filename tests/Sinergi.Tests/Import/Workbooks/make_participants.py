#!/usr/bin/env python3
"""Writes the participant-register fixtures (run from this folder: python3 make_participants.py).

peserta-magang.fods is written here, then LibreOffice (soffice --headless) converts it to .xlsx,
as an office would save it; peserta-magang-salah.xlsx is the same with two bad rows. The
committed .xlsx files are what the tests read.
"""
import subprocess
from xml.sax.saxutils import escape

HEAD = ["No", "Nama", "NIM", "Program Studi", "OPD Penempatan", "Mulai", "Selesai", "Pembimbing", "BPJS Ketenagakerjaan", "Nomor Kepesertaan", "Berlaku Sampai"]
GOOD = [
    [1, "Yohanes Kristian Adi", "213020601005", "Teknik Informatika", "Dinkes", ("date", "2026-11-01"), ("date", "2027-02-28"), "Ns. Agus Salim, S.Kep.", "Ya", "24031500099001", ("date", "2027-03-31")],
    [2, "Dewi Lestari Anggraini", "213020601011", "Gizi", "Dinkes", "1 November 2026", "28 Februari 2027", "Ns. Agus Salim, S.Kep.", "Tidak", None, None],
]
BAD = GOOD + [
    [3, "Bima Arya Wicaksana", None, "Kesehatan Masyarakat", "Dinkes", "1 November 2026", "28 Februari 2027", "Ns. Agus Salim, S.Kep.", "Tidak", None, None],
    [4, "Nadia Safitri", "213020601019", "Keperawatan", "Dinas Entah", "1 November 2026", "28 Februari 2027", "Ns. Agus Salim, S.Kep.", "mungkin", None, None],
]


def cell(value):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, tuple):
        return (f'<table:table-cell table:style-name="tgl" office:value-type="date" office:date-value="{value[1]}">'
                f"<text:p>{value[1]}</text:p></table:table-cell>")
    if isinstance(value, int):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def write_fods(path, rows):
    body = "".join(f"<table:table-row>{''.join(cell(v) for v in row)}</table:table-row>" for row in [HEAD] + rows)
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="d"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="tgl" style:family="table-cell" style:data-style-name="d"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Peserta">{body}</table:table></office:spreadsheet></office:body>
</office:document>"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


if __name__ == "__main__":
    write_fods("peserta-magang.fods", GOOD)
    write_fods("peserta-magang-salah.fods", BAD)
    for name in ("peserta-magang.fods", "peserta-magang-salah.fods"):
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", name], check=True, capture_output=True)
    print("fixtures written")
