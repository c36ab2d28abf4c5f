/* The month's checks (#/boards/checks/<YYYY-MM>; contract §9 月底督查) entered in ONE table: a
   row per active target that takes checks that month (it has start and due, has started by
   then, is not cancelled, and was not already reported done in an earlier month), each with
   its light, last check and inputs for progress, assessment and note (the body of
   PUT …/projects/{id}/checks/{month}). One save PUTs every changed row in turn and writes each
   row's outcome, or the API's problem, into that row; the lights are then read again. */
(function () {
  "use strict";
  const { el, replace, focusOn, BOARDS } = window.DuPing;
  const { api, ui } = window.DuPingConsole;
  const resp = () => window.DuPing.responsibility;

  const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

  /** "2026-12" → "2026-11". */
  function previousMonth(month) {
    const [y, m] = month.split("-").map(Number);
    return m === 1 ? (y - 1) + "-12" : y + "-" + String(m - 1).padStart(2, "0");
  }

  function monthName(month) {
    const [y, m] = month.split("-");
    return y + "年" + Number(m) + "月";
  }

  function allItems(board) {
    return ["service", "relief", "prosperity"].flatMap((key) => ((board.boards || {})[key] || []).map((item) => ({ ...item, board: key })));
  }

  /** A light as the public board draws it: a coloured badge that says its word. */
  function light(key) {
    if (!key) return el("span", { class: "light none" }, "未排期");
    return el("span", { class: "light " + key }, Object.fromEntries(resp().LIGHTS)[key] || key);
  }

  function lightCell(item) {
    return el("span", { class: "light-stack" }, light(item.light),
      item.planned !== null && item.planned !== undefined ? el("span", { class: "small muted" }, "计划 " + item.planned + "%") : null);
  }

  function checkText(check) {
    if (!check) return el("span", { class: "muted" }, "无");
    return el("span", {}, check.month + " · " + check.progress + "% · " + (resp().ASSESSMENTS[check.assessment] || check.assessment),
      check.note ? el("span", { class: "note small" }, check.note) : null);
  }

  /** One row's inputs, their starting values and the body they make. */
  function rowInputs(item, current) {
    const label = (what) => item.title + " " + what;
    const progress = el("input", { type: "number", min: "0", max: "100", step: "1", inputmode: "numeric", class: "progress-input",
      value: current ? String(current.progress) : "", "aria-label": label("进度（%）") });
    const assessment = el("select", { "aria-label": label("评价") },
      el("option", { value: "" }, "（请选择）"),
      Object.entries(resp().ASSESSMENTS).map(([key, word]) => el("option", { value: key }, word)));
    assessment.value = current ? current.assessment : "";
    const note = el("input", { type: "text", maxlength: "500", value: current && current.note ? current.note : "", "aria-label": label("督查说明"), autocomplete: "off" });
    // done needs 100 and 100 needs done (§9): filling one fills the other.
    progress.addEventListener("input", () => { if (progress.value === "100") assessment.value = "done"; });
    assessment.addEventListener("change", () => { if (assessment.value === "done") progress.value = "100"; });
    let start = null;
    const snapshot = () => [progress.value.trim(), assessment.value, note.value.trim()].join("\u0000");
    start = snapshot();
    return {
      progress, assessment, note,
      dirty: () => snapshot() !== start,
      saved: () => { start = snapshot(); },
      body() {
        const body = {};
        const text = progress.value.trim();
        if (text !== "") body.progress = Number(text);
        if (assessment.value) body.assessment = assessment.value;
        if (note.value.trim()) body.note = note.value.trim();
        return body;
      },
    };
  }

  async function checksScreen(view, ctx, monthArg, tabs) {
    const status = el("div", { class: "message", hidden: true, id: "checks-status", tabindex: "-1" });
    const slot = el("div", { id: "checks-body", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    view.append(el("h1", {}, "月底督查录入"), tabs("checks"), status, slot);
    const first = await api.request(api.townshipPath("/responsibility"));
    if (!ctx.isCurrent()) return;
    if (!first.ok) { slot.removeAttribute("aria-busy"); ui.showProblem(status, first); replace(slot); return; }
    const today = first.data.as_of;
    const thisMonth = today.slice(0, 7);
    const month = MONTH.test(monthArg || "") && monthArg <= thisMonth ? monthArg : thisMonth;
    // Today's lights (a check for last month fills a month that is due now), over this year's
    // targets and, for a month of an earlier year, that year's too.
    const extraPath = month.slice(0, 4) !== today.slice(0, 4)
      ? api.townshipPath("/responsibility?year=" + month.slice(0, 4) + "&as_of=" + today) : null;
    const readBoards = async () => {
      const fresh = await api.request(api.townshipPath("/responsibility?as_of=" + today));
      const extra = extraPath && fresh.ok ? await api.request(extraPath) : null;
      return extra && !extra.ok ? extra : { ok: fresh.ok, status: fresh.status, data: fresh.data,
        items: fresh.ok ? allItems(fresh.data).concat(extra ? allItems(extra.data) : []) : [] };
    };
    const extra = extraPath ? await api.request(extraPath) : null;
    if (!ctx.isCurrent()) return;
    if (extra && !extra.ok) { slot.removeAttribute("aria-busy"); ui.showProblem(status, extra); replace(slot); return; }
    const items = allItems(first.data).concat(extra ? allItems(extra.data) : []);

    const candidates = items.filter((item) => item.start && item.due && item.light !== "cancelled" && item.start.slice(0, 7) <= month);
    const histories = await Promise.all(candidates.map((item) => api.request(api.townshipPath("/projects/" + item.project_id + "/checks"))));
    if (!ctx.isCurrent()) return;
    slot.removeAttribute("aria-busy");
    const failed = histories.find((h) => !h.ok);
    if (failed) { ui.showProblem(status, failed); replace(slot); return; }
    const rows = [];
    let finished = 0;
    candidates.forEach((item, index) => {
      const checks = histories[index].data.items || [];
      const current = checks.find((c) => c.month === month) || null;
      const earlier = checks.filter((c) => c.month < month).sort((a, b) => (a.month < b.month ? 1 : -1))[0] || null;
      if (!current && earlier && earlier.assessment === "done") { finished += 1; return; }
      rows.push({ item, current, earlier, inputs: rowInputs(item, current) });
    });

    // The month picker: this month and the eleven before it.
    const months = [thisMonth];
    while (months.length < 12) months.push(previousMonth(months[months.length - 1]));
    const picker = el("select", { id: "checks-month" }, months.map((m) => el("option", { value: m, selected: m === month }, monthName(m))));
    let warned = false;
    picker.addEventListener("change", () => {
      if (rows.some((r) => r.inputs.dirty()) && !warned) {
        warned = true;
        const chosen = picker.value;
        picker.value = month;
        ui.message(status, "error", "这张表有没保存的修改。请先点“保存”，或再选一次" + monthName(chosen) + "放弃这些修改。");
        return;
      }
      window.DuPingConsole.navigate("boards", "checks", picker.value);
    });

    const resultCells = new Map();
    const table = ui.table([
      { label: "状态", className: "light-cell", cell: (r) => el("span", { class: "light-slot" }, lightCell(r.item)) },
      { label: "实事", className: "lead", cell: (r) => [el("a", { href: "#/boards/project/" + r.item.project_id }, r.item.title),
        el("span", { class: "small muted block" }, (BOARDS[r.item.board] || "") + (r.item.village ? " · " + r.item.village : "") + " · 期限 " + r.item.due)] },
      { label: "责任人", cell: (r) => r.item.cadre || "—" },
      { label: "分管领导", cell: (r) => r.item.supervisor || "—" },
      { label: "上次督查", className: "wide", cell: (r) => checkText(r.earlier) },
      { label: "进度（%）", className: "input-cell", cell: (r) => el("div", { class: "field", dataset: { field: "progress" } }, r.inputs.progress) },
      { label: "评价", className: "input-cell", cell: (r) => el("div", { class: "field", dataset: { field: "assessment" } }, r.inputs.assessment) },
      { label: "督查说明", className: "input-cell wide note-cell", cell: (r) => el("div", { class: "field", dataset: { field: "note" } }, r.inputs.note) },
      { label: "结果", className: "result-cell wide", cell: (r) => {
        const cell = el("span", { class: "row-result", "aria-live": "polite" }, r.current ? "本月已录，可修改" : "");
        resultCells.set(r, cell);
        return cell;
      } },
    ], rows, { caption: monthName(month) + "督查（" + rows.length + " 项）", id: "checks-table", className: "checks stack",
      rowAttrs: (r) => ({ dataset: { project: String(r.item.project_id), light: r.item.light || "none" } }) });

    const save = el("button", { type: "button", id: "checks-save" }, "保存");
    save.addEventListener("click", () => ui.busy(save, async () => { await saveAll(); countDirty(); }));
    const dirtyNote = el("span", { class: "hint", id: "checks-dirty", "aria-live": "polite" });
    const countDirty = () => {
      const n = rows.filter((r) => r.inputs.dirty()).length;
      dirtyNote.textContent = n ? n + " 行有改动，未保存" : "";
    };
    table.addEventListener("input", countDirty);
    table.addEventListener("change", countDirty);
    replace(slot,
      el("form", { class: "inline-form no-print", id: "checks-picker", novalidate: true },
        el("div", {}, el("label", { for: "checks-month" }, "督查月份"), picker)),
      el("p", { class: "hint" }, "每行填进度（0–100）、评价和说明；已完成须进度 100。只保存改过的行，每行的结果写在该行。状态为今天（" + today + "）的灯。"
        + (finished ? "此前已报完成的 " + finished + " 项不再列出。" : "")),
      rows.length ? table : el("p", { class: "card muted" }, "这个月没有要督查的项目（项目须有开始和期限，且已开始）。"),
      rows.length ? el("div", { class: "actions sticky-actions no-print" }, save, dirtyNote) : null);

    async function saveAll() {
      const changed = rows.filter((r) => r.inputs.dirty());
      if (!changed.length) { ui.message(status, "", "没有改动，不用保存。"); focusOn(status); return; }
      let good = 0;
      const bad = [];
      for (const r of changed) {
        const tr = table.querySelector('tr[data-project="' + r.item.project_id + '"]');
        const cell = resultCells.get(r);
        tr.classList.remove("row-error", "row-saved");
        ui.clearFieldErrors(tr);
        const response = await api.request(api.townshipPath("/projects/" + r.item.project_id + "/checks/" + month), { method: "PUT", body: r.inputs.body() });
        if (!ctx.isCurrent()) return;
        if (response.ok) {
          good += 1;
          r.inputs.saved();
          tr.classList.add("row-saved");
          cell.textContent = response.status === 201 ? "已录入" : "已更新";
        } else {
          bad.push(r.item.title);
          tr.classList.add("row-error");
          const errors = (response.data && response.data.errors) || [];
          const rest = ui.placeFieldErrors(tr, errors);
          // A field's problem sits at its input; the cell says so, or gives the words no input stands for.
          cell.textContent = rest.length || !errors.length
            ? "未保存：" + ui.problemText(response) + rest.map((e) => " " + (e.field ? e.field + "：" : "") + e.message).join("")
            : "未保存：请改正标红的格子";
        }
      }
      const lights = await readBoards();
      if (!ctx.isCurrent()) return;
      if (lights.ok) {
        const byID = new Map(lights.items.map((item) => [item.project_id, item]));
        for (const r of rows) {
          const fresh = byID.get(r.item.project_id);
          if (!fresh) continue;
          r.item = { ...r.item, ...fresh };
          const tr = table.querySelector('tr[data-project="' + r.item.project_id + '"]');
          tr.dataset.light = fresh.light || "none";
          replace(tr.querySelector(".light-slot"), lightCell(fresh));
        }
      }
      if (bad.length) ui.message(status, "error", "已保存 " + good + " 行；" + bad.length + " 行没有保存，问题写在该行：" + bad.join("、") + "。");
      else ui.message(status, "ok", "已保存 " + good + " 行，状态灯已按新的督查更新。");
      focusOn(status);
    }
  }

  window.DuPingConsole.checksScreen = checksScreen;
})();
