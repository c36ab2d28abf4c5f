/* CSV import for one registry (contract §3): the clerk picks a file Excel saved as "CSV UTF-8",
   the console sends its bytes unchanged as text/csv (the API takes the BOM), and when the
   server refuses the batch (422 bad row, 409 clash with a stored row; nothing is stored) the
   rows are shown as a table with each error at its row, numbered by the spreadsheet line
   (the server's `line` when it gives one, else counted here; header = line 1) and the named
   cell marked. Exposed as DuPingConsole.registryImport(kind, onImported). */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui, registry, csv } = window.DuPingConsole;

  /** Rows shown in full below this many; above it only the rows with errors. */
  const SHOW_ALL_ROWS = 30;

  /** The column a field error names: "[3].name" → "name". */
  function column(error) {
    const match = /^\[\d+\]\.?(.*)$/.exec(error.field || "");
    return match ? match[1] : "";
  }

  /** The table of the file's rows with the server's errors at their rows. */
  function errorTable(parsed, errors) {
    const byRow = new Map();
    for (const error of errors) {
      if (!byRow.has(error.row)) byRow.set(error.row, []);
      byRow.get(error.row).push(error);
    }
    const numbered = parsed.rows.map((row, index) => ({ ...row, number: index + 1, errors: byRow.get(index + 1) || [] }));
    const shown = numbered.length <= SHOW_ALL_ROWS ? numbered : numbered.filter((row) => row.errors.length);
    // The problem right after the line number, so it shows without scrolling on a phone.
    const columns = [{ label: "行号", className: "num", cell: (row) => String(row.errors.find((e) => e.line)?.line || row.line) },
      { label: "问题", className: "wide", cell: (row) => row.errors.map((e) =>
        el("span", { class: "row-problem" }, (column(e) ? column(e) + "：" : "") + e.message)) }]
      .concat(parsed.header.map((name, index) => ({ label: name, cell: (row) => row.cells[index] ?? "" })));
    const wrap = ui.table(columns, shown, { caption: "文件中的行（行号即 Excel 中的行号）", className: "import-rows",
      rowAttrs: (row) => ({ class: row.errors.length ? "row-error" : null, dataset: { row: String(row.number) } }) });
    // Mark the cells the errors name, so the clerk's eye lands on them.
    wrap.querySelectorAll("tbody tr").forEach((tr, index) => {
      for (const error of shown[index].errors) {
        const at = parsed.header.indexOf(column(error));
        if (at >= 0) tr.children[at + 2].classList.add("cell-error");
      }
    });
    return wrap;
  }

  function registryImport(kind, onImported) {
    const fileId = "import-file-" + kind.id;
    const file = el("input", { id: fileId, type: "file", accept: ".csv,text/csv", "aria-describedby": fileId + "-hint" });
    const submit = el("button", { type: "submit", id: "import-submit" }, "导入");
    const box = el("div", { class: "message", hidden: true, id: "import-message", tabindex: "-1" });
    const rows = el("div", { id: "import-rows" });
    const form = el("form", { class: "import-form", novalidate: true },
      el("label", { for: fileId }, "选择 CSV 文件"),
      el("p", { class: "hint", id: fileId + "-hint" },
        "在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”。第一行写列名：",
        el("code", {}, registry.csvHeader(kind).join(",")),
        kind.fields.some((f) => f.kind === "ref") ? "。部门、干部用编号（见各表的“编号”列）。" : "。",
        "整批导入：有一行出错，全部不导入，改好后再导入。"),
      el("div", { class: "inline-form" }, el("div", {}, file), submit),
      box, rows);

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      replace(rows);
      const chosen = file.files[0];
      if (!chosen) { ui.message(box, "error", "请先选择一个 CSV 文件。"); return; }
      const text = await csv.readUTF8(chosen);
      if (text === null) {
        ui.message(box, "error", "这个文件不是 UTF-8 编码。请在 Excel 中选“另存为 → CSV UTF-8（逗号分隔）”后再导入。");
        return;
      }
      const parsed = csv.parse(text);
      if (!parsed.rows.length) { ui.message(box, "error", "文件里除了列名行没有数据。"); return; }
      const response = await ui.busy(submit, () => api.request(api.townshipPath("/" + kind.id), { method: "POST", csv: chosen }));
      if (response.ok) {
        const count = (response.data.items || []).length;
        file.value = "";
        await onImported();
        ui.message(box, "ok", "已导入 " + count + " 个" + kind.noun + "。");
        focusOn(box);
        return;
      }
      const errors = (response.data && response.data.errors) || [];
      const atRows = errors.filter((e) => Number.isInteger(e.row) && e.row >= 1 && e.row <= parsed.rows.length);
      const others = errors.filter((e) => !atRows.includes(e));
      ui.message(box, "error", ui.problemText(response) + (atRows.length ? " 出错的行在下表中标出，整批没有导入。" : ""),
        others.map((e) => (e.field ? e.field + "：" : "") + e.message));
      if (atRows.length) replace(rows, errorTable(parsed, atRows));
      focusOn(box);
    });

    return el("details", { class: "card import no-print", id: "import" },
      el("summary", {}, "从 Excel 导入" + kind.title + "（CSV）"), form);
  }

  window.DuPingConsole.registryImport = registryImport;
})();
