"""Round trip of every table download (contract §8): starts `duping serve --demo` on a free
loopback port with a temporary data directory, downloads each `.csv` export and its `.xlsx`
twin, and compares the workbook cell by cell with the CSV twice:

- read by openpyxl: the same header, the same rows; numeric CSV cells are int/float cells
  (numbers compared as numbers), text cells are str, empty cells None; the header row frozen
  (`freeze_panes == "A2"`);
- converted by LibreOffice headless (`soffice --convert-to csv`, UTF-8, every text cell
  quoted): the same text as shown, and a CSV number is an unquoted (numeric) cell there too.

Usage: check_xlsx.py path/to/duping path/to/Public. Exit 1 on the first difference."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request

import openpyxl

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, default formats,
# language default, quote every text cell, no special-number detection, contents as shown.
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,true'


class Mismatch(Exception):
    """A workbook that does not hold what its CSV twin holds."""


def start_server(binary, public, data):
    process = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--data", data, "--public", public, "--demo"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    found = threading.Event()
    state = {"url": None, "lines": []}

    def drain():
        for line in process.stdout:
            state["lines"].append(line.rstrip("\n"))
            match = re.search(r"listening on (http://[0-9.]+:\d+)", line)
            if match and state["url"] is None:
                state["url"] = match.group(1)
                found.set()
        found.set()

    threading.Thread(target=drain, daemon=True).start()
    if not found.wait(60) or state["url"] is None:
        process.kill()
        raise RuntimeError("duping did not start:\n" + "\n".join(state["lines"][-20:]))
    return process, state["url"]


class Client:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers={"Authorization": "Bearer " + self.token})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, path):
        status, _, body = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path} → {status}: {body[:200]!r}")
        return json.loads(body)

    def items(self, path):
        items, after = [], None
        while True:
            page = self.json(path + (f"?after={after}" if after else ""))
            items += page.get("items", [])
            after = page.get("next")
            if not after:
                return items


def exports(client):
    """Every table download of every township: (label, path without extension)."""
    found = []
    for township in client.items("/v1/townships"):
        base = f"/v1/townships/{township['code']}"
        found.append((f"{township['code']} responsibility", base + "/responsibility"))
        for round_ in client.items(base + "/rounds"):
            if round_["state"] in ("closed", "published"):
                found.append((f"{township['code']} round {round_['id']} results", f"{base}/rounds/{round_['id']}/results"))
        for review in client.items(base + "/quarterly-reviews"):
            found.append((f"{township['code']} quarterly review {review['period']}",
                          f"{base}/quarterly-reviews/{review['id']}/ranking"))
        for assessment in client.items(base + "/assessments"):
            found.append((f"{township['code']} assessment {assessment['year']}",
                          f"{base}/assessments/{assessment['id']}/grades"))
    return found


def csv_text(cell):
    """A CSV cell as the table holds it: the writer's formula-injection apostrophe removed."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_LEADS):
        return cell[1:]
    return cell


def check_openpyxl(label, rows, path):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    if sheet.freeze_panes != "A2":
        raise Mismatch(f"{label}: freeze_panes is {sheet.freeze_panes!r}, not 'A2'")
    width = len(rows[0])
    cells = [list(row) for row in sheet.iter_rows(min_row=1, max_col=width, values_only=True)]
    if len(cells) != len(rows) or sheet.max_column != width:
        raise Mismatch(f"{label}: {len(cells)}×{sheet.max_column} cells in the workbook, {len(rows)}×{width} in the CSV")
    compared = 0
    for r, (expected_row, actual_row) in enumerate(zip(rows, cells), start=1):
        for c, (expected, actual) in enumerate(zip(expected_row, actual_row), start=1):
            where = f"{label} row {r} column {c}"
            if expected == "":
                ok = actual is None
            elif r > 1 and NUMBER.match(expected):
                ok = isinstance(actual, (int, float)) and not isinstance(actual, bool) and actual == float(expected)
            else:
                ok = isinstance(actual, str) and actual == csv_text(expected)
            if not ok:
                raise Mismatch(f"openpyxl: {where}: CSV {expected!r}, workbook {actual!r} ({type(actual).__name__})")
            compared += 1
    return compared


def parse_quoted_csv(text):
    """Records of (value, was_quoted) from LibreOffice's CSV: quoting marks text cells."""
    records, record, i = [], [], 0
    while i < len(text):
        if text[i] == '"':
            value, i = "", i + 1
            while True:
                if text[i] == '"' and i + 1 < len(text) and text[i + 1] == '"':
                    value, i = value + '"', i + 2
                elif text[i] == '"':
                    i += 1
                    break
                else:
                    value, i = value + text[i], i + 1
            record.append((value, True))
        else:
            end = i
            while end < len(text) and text[end] not in ",\r\n":
                end += 1
            record.append((text[i:end], False))
            i = end
        if i >= len(text) or text[i] in "\r\n":
            records.append(record)
            record = []
            if text.startswith("\r\n", i):
                i += 2
            else:
                i += 1
        else:
            i += 1  # the comma
    return records


def convert_with_libreoffice(paths, outdir, profile):
    """One `soffice --convert-to csv` over every workbook (LibreOffice starts once)."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", CSV_FILTER, "--outdir", outdir, *paths],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def check_libreoffice(label, rows, path, outdir):
    converted = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".csv")
    if not os.path.exists(converted):
        raise Mismatch(f"LibreOffice: {label}: no CSV came out of {os.path.basename(path)}")
    with open(converted, encoding="utf-8") as file:
        records = parse_quoted_csv(file.read())
    width = len(rows[0])
    if len(records) != len(rows):
        raise Mismatch(f"LibreOffice: {label}: {len(records)} rows, the CSV has {len(rows)}")
    compared = 0
    for r, (expected_row, actual_row) in enumerate(zip(rows, records), start=1):
        actual_row = actual_row + [("", False)] * (width - len(actual_row))
        for c, (expected, (actual, quoted)) in enumerate(zip(expected_row, actual_row), start=1):
            where = f"{label} row {r} column {c}"
            if expected == "":
                ok = actual == ""
            elif r > 1 and NUMBER.match(expected):
                ok = not quoted and NUMBER.match(actual) is not None and float(actual) == float(expected)
            else:
                ok = quoted and actual == csv_text(expected)
            if not ok:
                raise Mismatch(f"LibreOffice: {where}: CSV {expected!r}, workbook shows {actual!r} (quoted={quoted})")
            compared += 1
    return compared


def main():
    binary, public = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="duping-xlsx-")
    process = None
    try:
        process, url = start_server(binary, public, os.path.join(work, "data"))
        with open(os.path.join(work, "data", "root.token"), encoding="utf-8") as file:
            client = Client(url, file.read().strip())
        downloads, outdir, profile = [os.path.join(work, d) for d in ("downloads", "converted", "profile")]
        for directory in (downloads, outdir):
            os.makedirs(directory)
        checked = []
        for label, path in exports(client):
            status, _, body = client.get(path + ".csv")
            xstatus, xheaders, workbook = client.get(path + ".xlsx")
            if status != 200 or xstatus != 200:
                raise Mismatch(f"{label}: .csv → {status}, .xlsx → {xstatus}")
            if xheaders.get("Content-Type") != XLSX_TYPE:
                raise Mismatch(f"{label}: .xlsx Content-Type {xheaders.get('Content-Type')!r}")
            if not body.startswith(b"\xef\xbb\xbf"):
                raise Mismatch(f"{label}: the CSV has no BOM")
            rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
            file = os.path.join(downloads, re.sub(r"[^A-Za-z0-9-]+", "-", path.strip("/")) + ".xlsx")
            with open(file, "wb") as out:
                out.write(workbook)
            checked.append((label, rows, file, check_openpyxl(label, rows, file)))
        convert_with_libreoffice([file for _, _, file, _ in checked], outdir, profile)
        totals = {"openpyxl": 0, "libreoffice": 0}
        for label, rows, file, by_openpyxl in checked:
            by_libreoffice = check_libreoffice(label, rows, file, outdir)
            totals["openpyxl"] += by_openpyxl
            totals["libreoffice"] += by_libreoffice
            print(f"ok  {label}: {len(rows) - 1} rows × {len(rows[0])} columns, "
                  f"{by_openpyxl} cells (openpyxl), {by_libreoffice} cells (LibreOffice)")
        kinds = {"responsibility", "results", "ranking", "grades"}
        seen = {path.rsplit("/", 1)[1] for _, path in exports(client)}
        if seen != kinds:
            raise Mismatch(f"the demo should have every kind of export: saw {sorted(seen)}")
        print(f"{len(checked)} workbooks checked: {totals['openpyxl']} cells compared with openpyxl, "
              f"{totals['libreoffice']} with LibreOffice")
        return 0
    except (Mismatch, RuntimeError, subprocess.SubprocessError) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        return 1
    finally:
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
