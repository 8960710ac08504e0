#!/usr/bin/env python3
"""Regenerates src/Sinergi.Web/Data/Reference/urusan.csv from the team's domain page.

The list of urusan pemerintahan (UU 23/2014 nomenclature) is kept in ../shared/docs/domain.md
under "Reference data"; this script copies it out so that nobody types it twice.
Usage: scripts/extract-urusan.py [path/to/domain.md]
"""
import csv
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/docs/domain.md"
target = root / "src/Sinergi.Web/Data/Reference/urusan.csv"

groups = {
    "Wajib, pelayanan dasar": "WajibPelayananDasar",
    "Wajib, non pelayanan dasar": "WajibNonPelayananDasar",
    "Pilihan": "Pilihan",
    "Supporting units": "Penunjang",
}
rows = []
for line in source.read_text(encoding="utf-8").splitlines():
    match = re.match(r"\s*-\s*([^:]+):\s*(.+)$", line)
    if not match or match.group(1).strip() not in groups:
        continue
    group = groups[match.group(1).strip()]
    for item in match.group(2).rstrip(".").split(";"):
        code, name = item.strip().split(" ", 1)
        rows.append((code, name.strip(), group))

if len(rows) != 42:
    sys.exit(f"expected 42 urusan, found {len(rows)}: has the domain page changed?")
with target.open("w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name", "group"])
    writer.writerows(rows)
print(f"wrote {len(rows)} urusan to {target.relative_to(root)}")
