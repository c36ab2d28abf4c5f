/* CSV in the console: read a file the way the server will (UTF-8, optional BOM, quoted cells
   that may hold commas and line breaks) so an import's rows can be shown with the line Excel
   numbers them by, and write the registry's export with a BOM so Excel opens Chinese correctly.
   Exposed as window.DuPingConsole.csv. */
(function () {
  "use strict";

  /**
   * Parses CSV text into {header, rows: [{cells, line}]}: `line` is the spreadsheet line a row
   * starts on (header = line 1), the number a clerk sees in Excel. Empty lines are skipped.
   */
  function parse(text) {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const records = [];
    let cells = [];
    let cell = "";
    let quoted = false;
    let line = 1;
    let start = 1;
    let touched = false;
    for (let i = 0; i < source.length; i += 1) {
      const c = source[i];
      if (quoted) {
        if (c === '"' && source[i + 1] === '"') { cell += '"'; i += 1; }
        else if (c === '"') quoted = false;
        else { if (c === "\n") line += 1; cell += c; }
        continue;
      }
      if (c === '"') { quoted = true; touched = true; }
      else if (c === ",") { cells.push(cell); cell = ""; touched = true; }
      else if (c === "\r" || c === "\n") {
        if (c === "\r" && source[i + 1] === "\n") i += 1;
        if (touched || cell !== "") { cells.push(cell); records.push({ cells, line: start }); }
        cells = []; cell = ""; touched = false;
        line += 1; start = line;
      } else { cell += c; touched = true; }
    }
    if (touched || cell !== "") { cells.push(cell); records.push({ cells, line: start }); }
    const header = records.length ? records[0].cells.map((name) => name.trim()) : [];
    return { header, rows: records.slice(1) };
  }

  /** One cell, quoted when it holds a comma, quote or line break. */
  function cell(value) {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** A CSV file (UTF-8 with BOM, CRLF lines as Excel writes them) of `rows` under `header`. */
  function format(header, rows) {
    const lines = [header.map(cell).join(",")].concat(rows.map((row) => row.map(cell).join(",")));
    return new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  }

  /** The file's text when it is UTF-8, else null (Excel's plain "CSV" on Chinese Windows is GBK). */
  async function readUTF8(file) {
    const bytes = await file.arrayBuffer();
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      return null;
    }
  }

  window.DuPingConsole = Object.assign(window.DuPingConsole || {}, { csv: { parse, format, readUTF8 } });
})();
