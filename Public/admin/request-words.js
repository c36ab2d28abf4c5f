/* What the first-asked request screens (contract §12) share: the states in words, their badges,
   the tabs, and the township's cadres and departments by id for showing names. Exposed as
   DuPingConsole.requests. */
(function () {
  "use strict";
  const { el } = window.DuPing;
  const { api } = window.DuPingConsole;

  const STATES = { open: "首问干部办理中", passed: "已转交待接收", accepted: "承办中", resolved: "已办结" };

  /** The state as a worded badge, with 超期 beside it when the request is overdue. */
  function badges(item) {
    return el("span", { class: "request-badges" },
      el("span", { class: "state req-" + item.state, dataset: { state: item.state } }, STATES[item.state] || item.state),
      item.overdue ? el("span", { class: "state req-overdue" }, "超期") : null);
  }

  function tabs(current) {
    const link = (href, id, label) => el("a", { href, id, "aria-current": current === id ? "page" : null }, label);
    return el("nav", { class: "tabs no-print", "aria-label": "首问责任" },
      link("#/requests", "requests-list-tab", "事项列表"),
      link("#/requests/new", "requests-new-tab", "当面登记"),
      link("#/requests/summary", "requests-summary-tab", "年度汇总"));
  }

  /** {ok, cadres: Map id → cadre, departments: Map id → department, failed}. */
  async function directory() {
    const [cadres, departments] = await Promise.all([api.listAll(api.townshipPath("/cadres")), api.listAll(api.townshipPath("/departments"))]);
    if (!cadres.ok) return { ok: false, failed: cadres };
    if (!departments.ok) return { ok: false, failed: departments };
    return { ok: true, cadres: new Map(cadres.items.map((c) => [c.id, c])), departments: new Map(departments.items.map((d) => [d.id, d])) };
  }

  /** A name by id ("—" for none, "#id" for one no longer listed). */
  function nameOf(map, id) {
    if (id === null || id === undefined) return "—";
    const item = map.get(id);
    return item ? item.name : "#" + id;
  }

  /** Where the matter is now, in words: who holds it, or to whom it was passed. */
  function whereNow(item, dir) {
    const department = nameOf(dir.departments, item.department_id);
    switch (item.state) {
      case "open": return "首问干部 " + nameOf(dir.cadres, item.holder_cadre_id);
      case "passed": return "转交 " + department + (item.passed_to_cadre_id ? "（" + nameOf(dir.cadres, item.passed_to_cadre_id) + "）" : "") + "，待接收";
      case "accepted": return department + " · " + (item.holder_cadre_id ? nameOf(dir.cadres, item.holder_cadre_id) : "镇组织办代收");
      case "resolved": return "办结于 " + (item.resolved_on || "—");
      default: return "";
    }
  }

  window.DuPingConsole.requests = { STATES, badges, tabs, directory, nameOf, whereNow };
})();
