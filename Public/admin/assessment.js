/* The year-end assessment (#/assessments; contract §11 年底全面考核): the list and a new year's
   assessment (weights, 优秀 quota), then one assessment's table of cadres with their parts,
   score, rank, eligibility, the proposal and the grade, and in each row the committee's
   override with its reason (PUT …/grades/{cadre_id}; a refusal — ineligible, over the quota —
   is shown in that row). The notice, objections and finalization are assessment-steps.js. */
(function () {
  "use strict";
  const { el, replace, focusOn, timeName, score } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  const STATES = { draft: "草稿（实时计算）", notice: "公示中", final: "已定稿" };
  const STATE_CLASS = { draft: "draft", notice: "open", final: "published" };
  const GRADES = [["优秀", "good"], ["称职", "fair"], ["基本称职", "average"], ["不称职", "poor"]];
  const GRADE_CLASS = Object.fromEntries(GRADES);

  function grade(word) {
    if (!word) return el("span", { class: "grade none" }, "未定");
    return el("span", { class: "grade " + (GRADE_CLASS[word] || "none") }, word);
  }

  function stateBadge(state, id) {
    return el("span", { class: "state state-" + (STATE_CLASS[state] || "draft"), id: id || null }, STATES[state] || state);
  }

  function numberField(name, label, value, attrs) {
    return ui.field({ name, label, type: "number", value, attrs: Object.assign({ step: "any", min: "0" }, attrs || {}) });
  }

  function createForm() {
    const year = numberField("year", "年度", new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear(), { step: "1", min: "2000" });
    const weights = [["supervision", "半年三督六评", 40], ["quarterly", "季评排队", 30], ["tasks", "责任榜任务", 30]]
      .map(([key, label, value]) => numberField("weights." + key, label + "权重", value));
    const quota = numberField("excellent_quota", "优秀比例（0–1）", 0.2, { max: "1" });
    const box = el("div", { class: "message error", hidden: true, id: "assessment-form-message" });
    const submit = el("button", { type: "submit", id: "assessment-submit" }, "新建年度考核（草稿）");
    const form = el("form", { class: "card item-form", id: "assessment-form", novalidate: true, "aria-labelledby": "assessment-form-title" },
      el("h2", { id: "assessment-form-title" }, "新建年度考核"),
      el("div", { class: "form-grid" }, year, quota),
      el("fieldset", { class: "field", dataset: { field: "weights" } }, el("legend", {}, "三部分的权重"), el("div", { class: "form-grid" }, weights)),
      box, el("div", { class: "actions" }, submit));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { year: ui.fieldValue(year), excellent_quota: ui.fieldValue(quota),
        weights: { supervision: ui.fieldValue(weights[0]), quarterly: ui.fieldValue(weights[1]), tasks: ui.fieldValue(weights[2]) } };
      const response = await ui.busy(submit, () => api.request(api.townshipPath("/assessments"), { method: "POST", body }));
      if (response.ok) { ui.flash("已新建" + response.data.year + "年度考核（草稿）。"); window.DuPingConsole.navigate("assessments", response.data.id); return; }
      ui.showProblem(box, response, form);
      focusOn(box);
    });
    return form;
  }

  async function listScreen(view, ctx) {
    const box = el("div", { class: "message", hidden: true });
    const slot = el("div", {}, el("p", { class: "muted" }, "正在读取…"));
    view.append(el("h1", {}, "年度考核"), box, slot);
    const response = await api.request(api.townshipPath("/assessments"));
    if (!ctx.isCurrent()) return;
    if (!response.ok) { ui.showProblem(box, response); replace(slot); return; }
    const items = response.data.items.slice().sort((a, b) => b.year - a.year);
    replace(slot, items.length ? ui.table([
      { label: "年度", className: "lead", cell: (a) => el("a", { href: "#/assessments/" + a.id }, a.year + "年度") },
      { label: "状态", cell: (a) => stateBadge(a.state) },
      { label: "公示至", cell: (a) => a.notice_ends || "—" },
      { label: "定稿时间", cell: (a) => (a.finalized_at ? timeName(a.finalized_at) : "—") },
    ], items, { caption: "全部年度考核（" + items.length + "）", id: "assessments-table", className: "stack", rowAttrs: (a) => ({ dataset: { id: String(a.id) } }) })
      : el("p", { class: "muted" }, "还没有年度考核。年底季评定稿后在下面新建。"), createForm());
  }

  /** The override form inside a cadre's row: grade and reason; the answer redraws the row's grade. */
  function overrideCell(path, row, onSaved) {
    const select = el("select", { "aria-label": row.name + " 改定等次" }, el("option", { value: "" }, "（选择等次）"),
      GRADES.map(([word]) => el("option", { value: word, selected: row.reason && row.grade === word }, word)));
    const reason = el("input", { type: "text", maxlength: "500", autocomplete: "off", value: row.reason || "", "aria-label": row.name + " 改定理由", placeholder: "理由（必填）" });
    const save = el("button", { type: "submit", class: "small-button" }, "改定");
    const problem = el("p", { class: "field-error row-problem", hidden: true });
    const form = el("form", { class: "override", novalidate: true },
      el("div", { class: "field", dataset: { field: "grade" } }, select),
      el("div", { class: "field", dataset: { field: "reason" } }, reason), save, problem);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const tr = form.closest("tr");
      ui.clearFieldErrors(form);
      problem.hidden = true;
      tr.classList.remove("row-error", "row-saved");
      const body = { grade: select.value || null, reason: reason.value.trim() || null };
      const response = await ui.busy(save, () => api.request(path + "/grades/" + row.cadre_id, { method: "PUT", body }));
      if (response.ok) { tr.classList.add("row-saved"); onSaved(response.data); return; }
      tr.classList.add("row-error");
      // The field's own words (ineligible, over the quota) say it; the general title only without them.
      const errors = (response.data && response.data.errors) || [];
      const rest = ui.placeFieldErrors(form, errors);
      problem.textContent = errors.length === rest.length ? ui.problemText(response) + rest.map((e) => " " + e.message).join("") : rest.map((e) => e.message).join(" ");
      problem.hidden = !problem.textContent;
    });
    return form;
  }

  function cadreTable(assessment, path, editable, redraw) {
    const yes = (value) => (value ? "是" : el("span", { class: "tag unmet" }, "否"));
    const columns = [
      { label: "排名", className: "num rank", cell: (c) => (c.rank === null ? "—" : String(c.rank)) },
      { label: "姓名", className: "lead", cell: (c) => c.name },
      { label: "部门", cell: (c) => c.department || "—" },
      { label: "三督六评", className: "num", cell: (c) => score(c.supervision) },
      { label: "季评", className: "num", cell: (c) => score(c.quarterly) },
      { label: "任务", className: "num", cell: (c) => score(c.tasks) },
      { label: "总分", className: "num composite", cell: (c) => score(c.score) },
      { label: "可评优秀", cell: (c) => yes(c.eligible) },
      { label: "建议等次", cell: (c) => (c.proposed ? c.proposed : el("span", { class: "muted" }, "无（须党委评定）")) },
      { label: "等次", className: "grade-cell", cell: (c) => [grade(c.grade), c.reason ? el("span", { class: "small muted block override-reason" }, "改定：" + c.reason) : null] },
    ];
    if (editable) columns.push({ label: "改定等次", className: "wide override-cell no-print", cell: (c) => overrideCell(path, c, redraw) });
    return ui.table(columns, assessment.cadres, { caption: assessment.year + "年度干部考核", id: "assessment-cadres", className: "stack assessment",
      rowAttrs: (c) => ({ dataset: { cadre: String(c.cadre_id), grade: GRADE_CLASS[c.grade] || "none" } }) });
  }

  async function assessmentScreen(view, ctx, id) {
    const path = api.townshipPath("/assessments/" + id);
    const loaded = await api.request(path);
    if (!ctx.isCurrent()) return;
    const status = el("div", { class: "message", hidden: true, id: "assessment-status", tabindex: "-1" });
    view.append(el("p", { class: "no-print back" }, el("a", { href: "#/assessments" }, "← 全部年度考核")));
    const flashed = ui.takeFlash();
    if (!loaded.ok) { view.append(status); ui.showProblem(status, loaded); return; }
    const a = loaded.data;
    const w = a.weights || {};
    const counts = GRADES.map(([word]) => [word, a.cadres.filter((c) => c.grade === word).length]);
    const ungraded = a.cadres.filter((c) => !c.grade).length;
    view.append(el("section", { class: "card round-head" },
      el("h1", { id: "assessment-title" }, a.year + "年度干部考核"),
      el("p", { class: "meta" }, stateBadge(a.state, "assessment-state"),
        el("span", {}, "三督六评 " + w.supervision + " : 季评 " + w.quarterly + " : 任务 " + w.tasks),
        el("span", {}, "优秀不超过 " + Math.round(a.excellent_quota * 100) + "%"),
        a.notice_ends ? el("span", { id: "notice-ends" }, "公示至 " + a.notice_ends) : null,
        a.finalized_at ? el("span", {}, "定稿 " + timeName(a.finalized_at)) : null),
      el("ul", { class: "grade-counts", id: "assessment-counts" }, counts.map(([word, n]) => el("li", {}, grade(word), el("span", { class: "count" }, String(n)), " 人")),
        ungraded ? el("li", { id: "ungraded" }, grade(null), el("span", { class: "count" }, String(ungraded)), " 人") : null)), status);
    if (flashed) ui.message(status, "ok", flashed);
    const hint = a.state === "draft" ? "草稿：分数和建议等次随数据实时计算，开始公示时固定。改定等次须写理由，建议等次保留在旁。"
      : a.state === "notice" ? "公示中：分数已固定，仍可改定等次。每位干部都有等次后才能定稿。" : "已定稿，结果已写入干部档案。";
    view.append(el("p", { class: "hint" }, hint));
    const redraw = (row) => {
      ui.flash("已改定：" + row.name + " " + row.grade + "。");
      window.DuPingConsole.navigate("assessments", id);
    };
    view.append(cadreTable(a, path, a.state !== "final", redraw), el("div", { class: "actions toolbar no-print" },
      ui.downloads(status, path + "/grades.csv", "assessment-" + a.year + ".csv", "grades")));
    await window.DuPingConsole.assessmentSteps(view, ctx, a, path, status);
  }

  function render(view, args, ctx) {
    if (/^\d+$/.test(args[0] || "")) return assessmentScreen(view, ctx, Number(args[0]));
    return listScreen(view, ctx);
  }

  window.DuPingConsole.assessmentGrade = grade;
  window.DuPingConsole.addScreen({ id: "assessments", title: "年度考核", order: 50, render });
})();
