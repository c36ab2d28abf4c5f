/* Cadres' archives (#/archive/<cadre id>; contract §7): pick a cadre, read its records oldest
   first (what each says in words), check the hash chain with the API's verification route and
   say plainly whether it is intact (完整) or altered (被改动, with the first record that does not
   fit marked in the table), and add a manual record (考核, 奖励, 处分, 任免, 备注). */
(function () {
  "use strict";
  const { el, replace, focusOn, timeName, periodName } = window.DuPing;
  const { api, ui, registry } = window.DuPingConsole;

  const KINDS = { evaluation: "测评结果", commendation: "表彰", suspension: "待岗", quarterly_review: "季评排队", annual_assessment: "年度考核",
    assessment: "考核", award: "奖励", sanction: "处分", appointment: "任免", note: "备注" };
  const MANUAL = ["assessment", "award", "sanction", "appointment", "note"];
  const CONSEQUENCES = { merit_candidate: "连续三年优秀，记三等功", admonition: "诫勉", dismissal_review: "连续两年不称职，提请组织处理" };

  /** What a record says, in a line: its title for a manual record, else the figures it keeps. */
  function summary(r) {
    const d = r.data || {};
    const parts = [];
    if (d.title) parts.push(d.title + (d.detail ? "：" + d.detail : ""));
    if (d.round_title) parts.push(d.round_title);
    if (d.grade) parts.push("等次 " + d.grade);
    if (d.rank !== undefined && d.rank !== null) parts.push("第 " + d.rank + " 名");
    if (d.scores && d.scores.composite) parts.push("综合 " + d.scores.composite);
    if (d.score) parts.push("得分 " + d.score);
    if (d.reason && r.kind !== "annual_assessment") parts.push(d.reason);
    if (d.reason && r.kind === "annual_assessment") parts.push("改定理由：" + d.reason);
    for (const c of d.consequences || []) parts.push(CONSEQUENCES[c] || c);
    return parts.join("；");
  }

  /** "2026-Q4" → "2026年第四季度", "2026" (a year-end record) → "2026年度". */
  function periodText(period) {
    if (!period) return "—";
    return /^\d{4}$/.test(period) ? period + "年度" : periodName(period);
  }

  function cadrePicker(cadres, chosen) {
    const select = el("select", { id: "archive-cadre" }, el("option", { value: "" }, "（选择干部）"),
      cadres.map((c) => el("option", { value: String(c.id), selected: c.id === chosen },
        c.name + (c.status && c.status !== "active" ? "（" + (registry.CADRE_STATUS[c.status] || c.status) + "）" : ""))));
    select.addEventListener("change", () => { if (select.value) window.DuPingConsole.navigate("archive", select.value); });
    return el("form", { class: "inline-form no-print", novalidate: true, id: "archive-picker" },
      el("div", {}, el("label", { for: "archive-cadre" }, "干部"), select));
  }

  /** The verification result in words, and the failing record marked in the table. */
  function showVerification(box, result, table, items) {
    for (const tr of table ? table.querySelectorAll("tr.row-error") : []) tr.classList.remove("row-error");
    if (result.valid) {
      ui.message(box, "ok", "完整：共 " + result.records + " 条记录，逐条核对哈希链，没有被改动。");
      return;
    }
    const bad = result.first_bad_seq;
    const tr = table && table.querySelector('tr[data-seq="' + bad + '"]');
    const record = items.find((r) => r.seq === bad);
    if (tr) tr.classList.add("row-error");
    const which = record ? "（" + (KINDS[record.kind] || record.kind) + " " + periodText(record.period) + "，表中标红）" : "";
    ui.message(box, "error", "被改动：从第 " + bad + " 条记录" + which + "起与哈希链不符（共 " + result.records + " 条）。这条及其后的记录不能作为依据，请报告县委组织部。");
    box.setAttribute("role", "alert");
  }

  function addForm(path, done) {
    const kind = ui.field({ name: "kind", label: "类别", type: "select", options: MANUAL.map((k) => [k, KINDS[k]]) });
    const title = ui.field({ name: "title", label: "标题", required: true });
    const detail = ui.field({ name: "detail", label: "内容", type: "textarea" });
    const box = el("div", { class: "message error", hidden: true });
    const submit = el("button", { type: "submit", id: "archive-add" }, "写入档案");
    const form = el("form", { class: "card no-print", id: "archive-form", novalidate: true },
      el("h2", {}, "添加记录"), el("p", { class: "hint" }, "档案只能追加，写入后不能修改或删除。测评、季评、年度考核的记录由系统自动写入。"),
      el("div", { class: "form-grid" }, kind, title), detail, box, el("div", { class: "actions" }, submit));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { kind: ui.fieldValue(kind), title: ui.fieldValue(title), detail: ui.fieldValue(detail) || "" };
      const response = await ui.busy(submit, () => api.request(path, { method: "POST", body }));
      if (response.ok) { done("已写入第 " + response.data.seq + " 条记录。"); return; }
      ui.showProblem(box, response, form);
    });
    return form;
  }

  async function render(view, args, ctx) {
    const chosen = /^\d+$/.test(args[0] || "") ? Number(args[0]) : null;
    const status = el("div", { class: "message", hidden: true, id: "archive-status", tabindex: "-1" });
    view.append(el("h1", {}, "干部档案"));
    const cadres = await api.listAll(api.townshipPath("/cadres"));
    if (!ctx.isCurrent()) return;
    if (!cadres.ok) { view.append(status); ui.showProblem(status, cadres); return; }
    view.append(cadrePicker(cadres.items, chosen), status);
    const flashed = ui.takeFlash();
    if (flashed) ui.message(status, "ok", flashed);
    if (!chosen) { view.append(el("p", { class: "muted" }, "选择一位干部，查看他的档案并核验是否被改动。")); return; }
    const cadre = cadres.items.find((c) => c.id === chosen);
    const path = api.townshipPath("/cadres/" + chosen + "/archive");
    const records = await api.request(path);
    if (!ctx.isCurrent()) return;
    if (!records.ok) { ui.showProblem(status, records); return; }
    const items = records.data.items || [];
    const verifyBox = el("div", { class: "message", hidden: true, id: "verify-result", role: "status", tabindex: "-1" });
    let table = null;
    const verify = ui.button("核验档案", async () => {
      const response = await ui.busy(verify, () => api.request(path + "/verify"));
      if (!ctx.isCurrent()) return;
      if (!response.ok) ui.showProblem(verifyBox, response);
      else showVerification(verifyBox, response.data, table, items);
      focusOn(verifyBox);
    });
    verify.id = "verify-archive";
    table = items.length ? ui.table([
      { label: "序号", className: "num", cell: (r) => String(r.seq) },
      { label: "类别", className: "lead", cell: (r) => KINDS[r.kind] || r.kind },
      { label: "期间", cell: (r) => periodText(r.period) },
      { label: "内容", className: "wide", cell: (r) => summary(r) || "—" },
      { label: "写入时间", cell: (r) => el("span", { class: "nowrap" }, timeName(r.created_at)) },
      { label: "哈希", className: "hash", cell: (r) => el("code", { title: r.hash }, r.hash.slice(0, 12) + "…") },
    ], items, { caption: (cadre ? cadre.name : "#" + chosen) + "的档案（" + items.length + " 条）", id: "archive-table", className: "stack archive",
      rowAttrs: (r) => ({ dataset: { seq: String(r.seq), kind: r.kind } }) }) : null;
    view.append(el("div", { class: "actions toolbar no-print" }, verify), verifyBox,
      table || el("p", { class: "muted" }, "档案里还没有记录。"),
      addForm(path, (text) => { ui.flash(text); window.DuPingConsole.navigate("archive", chosen); }));
  }

  window.DuPingConsole.addScreen({ id: "archive", title: "档案", order: 60, render });
})();
