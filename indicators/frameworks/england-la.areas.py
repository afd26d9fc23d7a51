# Builds indicators/frameworks/england-la.areas.json: the 296 English local authority districts on LAD 2024 codes, as
# listed (code and name) in MHCLG IoD 2025 File 10 (mhclg_iod2025_lad24_summaries.csv), sorted by code.
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
areas = sorted(({"code": r["ltla24_code"], "name": r["ltla24_name"]} for r in rows), key=lambda a: a["code"])
assert len(areas) == len({a["code"] for a in areas}) == 296 and all(a["code"].startswith("E0") for a in areas)
with open("indicators/frameworks/england-la.areas.json", "w", encoding="utf-8") as f:
    f.write("[\n" + ",\n".join("  " + json.dumps(a, ensure_ascii=False) for a in areas) + "\n]\n")
print(len(areas))
