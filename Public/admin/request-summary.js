/* The year's first-asked requests per cadre and per department (#/requests/summary/<year>;
   contract §12: GET .../requests/summary?year=): filed (for the first cadre), resolved and
   resolved on time (for the cadre who resolved), overdue now (for the holder). Exposed as
   DuPingConsole.requestSummary. */
(function () {
  "use strict";
  const { el, replace } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  const COUNTS = [["filed", "首问登记"], ["resolved", "办结"], ["resolved_on_time", "按期办结"], ["overdue", "现超期未办结"]];

  function countsTable(rows, caption, id) {
    return ui.table([{ label: "名称", className: "lead", cell: (row) => row.name }]
      .concat(COUNTS.map(([key, label]) => ({ label, className: "num" + (key === "overdue" ? " overdue-count" : ""),
        cell: (row) => (key === "overdue" && row[key] > 0 ? el("strong", { class: "late" }, String(row[key])) : String(row[key])) }))),
    rows, { caption, id, className: "registry stack summary" });
  }

  async function requestSummary(view, ctx, yearArg) {
    const req = window.DuPingConsole.requests;
    const year = /^\d{4}$/.test(yearArg || "") ? Number(yearArg) : new Date().getFullYear();
    const status = el("div", { class: "message", hidden: true, id: "request-summary-status" });
    const slot = el("div", { id: "request-summary-body", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    const yearField = ui.field({ name: "year", label: "年度", type: "number", value: year, attrs: { min: "2000", max: "2100" } });
    const form = el("form", { class: "filters no-print", id: "summary-year", novalidate: true },
      el("div", { class: "filter-row" }, yearField, el("div", { class: "actions" }, el("button", { type: "submit" }, "查看"))));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = ui.fieldValue(yearField);
      if (value) window.DuPingConsole.navigate("requests", "summary", value);
    });
    view.append(req.tabs("requests-summary-tab"), el("h1", {}, year + "年首问责任汇总"), form,
      el("p", { class: "hint" }, "按当年登记的事项统计：首问登记算在首问干部名下，办结和按期办结算在办结的干部名下，超期算在现在手里的干部名下；部门是它的干部之和。"),
      status, slot);
    const response = await api.request(api.townshipPath("/requests/summary?year=" + year));
    if (!ctx.isCurrent()) return;
    slot.removeAttribute("aria-busy");
    if (!response.ok) { ui.showProblem(status, response, form); replace(slot); return; }
    const busy = (row) => COUNTS.some(([key]) => row[key] > 0);
    const cadres = response.data.cadres || [];
    const departments = response.data.departments || [];
    replace(slot,
      el("div", { class: "two-up" },
        el("section", { class: "card" }, countsTable(departments, "部门", "summary-departments")),
        el("section", { class: "card" }, countsTable(cadres.filter(busy), "干部（有事项的 " + cadres.filter(busy).length + " 人）", "summary-cadres"),
          cadres.some((c) => !busy(c)) ? el("p", { class: "muted small" }, "没有列出的干部当年没有首问事项。") : null)));
  }

  window.DuPingConsole.requestSummary = requestSummary;
})();
