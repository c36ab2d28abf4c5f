/* 首问责任 (#/requests; contract §12, the admin's view): the township's first-asked requests with
   the `state` and `overdue` filters (#/requests/list/<state|all>/<true|false|all>), one request
   with its steps (request-detail.js, #/requests/<id>), filing at the office's counter
   (request-new.js, #/requests/new) and the year's summary per cadre and department
   (request-summary.js, #/requests/summary/<year>). */
(function () {
  "use strict";
  const { el, replace } = window.DuPing;
  const { api, ui } = window.DuPingConsole;
  const words = () => window.DuPingConsole.requests;

  const OVERDUE = { true: "只看超期", false: "未超期" };

  async function listScreen(view, ctx, state, overdue) {
    const req = words();
    const status = el("div", { class: "message", hidden: true, id: "requests-status" });
    const slot = el("div", { id: "requests-table", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    const stateField = ui.field({ name: "state", label: "状态", type: "select", value: state || "",
      options: [["", "全部"]].concat(Object.entries(req.STATES)) });
    const overdueField = ui.field({ name: "overdue", label: "是否超期", type: "select", value: overdue || "",
      options: [["", "全部"]].concat(Object.entries(OVERDUE)) });
    const filter = el("form", { class: "card filters no-print", id: "requests-filter", novalidate: true },
      el("div", { class: "filter-row" }, stateField, overdueField,
        el("div", { class: "actions" }, el("button", { type: "submit", id: "requests-filter-submit" }, "筛选"))));
    filter.addEventListener("submit", (event) => {
      event.preventDefault();
      const pick = (wrapper) => ui.fieldValue(wrapper) || "all";
      window.DuPingConsole.navigate("requests", "list", pick(stateField), pick(overdueField));
    });
    view.append(req.tabs("requests-list-tab"), el("h1", {}, "首问责任"),
      el("div", { class: "actions toolbar no-print" }, el("a", { class: "button", href: "#/requests/new", id: "file-request" }, "当面登记群众反映的事"),
        el("a", { class: "button secondary", href: "../request.html", target: "_blank", rel: "noopener" }, "群众查询页")),
      filter, status, slot);
    const query = {};
    if (state) query.state = state;
    if (overdue) query.overdue = overdue;
    const [list, dir] = await Promise.all([api.listAll(api.townshipPath("/requests"), query), req.directory()]);
    if (!ctx.isCurrent()) return;
    slot.removeAttribute("aria-busy");
    if (!list.ok || !dir.ok) { ui.showProblem(status, list.ok ? dir.failed : list); replace(slot); return; }
    const items = list.items.slice().reverse();
    const what = [state ? req.STATES[state] : null, overdue ? OVERDUE[overdue] : null].filter(Boolean).join("、");
    replace(slot, items.length
      ? ui.table([
        { label: "编号", className: "num", cell: (r) => el("a", { href: "#/requests/" + r.id }, "#" + r.id) },
        { label: "反映的事", className: "lead wide", cell: (r) => el("span", { class: "summary-text" }, r.summary) },
        { label: "首问干部", cell: (r) => req.nameOf(dir.cadres, r.first_cadre_id) },
        { label: "现在", className: "wide", cell: (r) => req.whereNow(r, dir) },
        { label: "状态", className: "state-cell", cell: (r) => req.badges(r) },
        { label: "登记", cell: (r) => r.filed_on },
        { label: "期限", cell: (r) => r.due },
        { label: "操作", className: "no-print edit-cell", cell: (r) => el("a", { class: "button secondary small-button", href: "#/requests/" + r.id }, r.state === "resolved" ? "查看" : "办理") },
      ], items, { caption: (what ? what + "的" : "") + "事项（" + items.length + "）", className: "registry stack requests",
        rowAttrs: (r) => ({ dataset: { id: String(r.id), state: r.state }, class: r.overdue ? "overdue" : null }) })
      : el("p", { class: "muted", id: "requests-empty" }, what ? "没有" + what + "的事项。" : "还没有登记过首问事项。"));
  }

  function render(view, args, ctx) {
    const detail = window.DuPingConsole.requestDetail;
    if (args[0] === "new") return window.DuPingConsole.requestNew(view, ctx);
    if (args[0] === "summary") return window.DuPingConsole.requestSummary(view, ctx, args[1]);
    if (/^\d+$/.test(args[0] || "")) return detail(view, ctx, Number(args[0]));
    const state = args[0] === "list" && words().STATES[args[1]] ? args[1] : null;
    const overdue = args[0] === "list" && OVERDUE[args[2]] ? args[2] : null;
    return listScreen(view, ctx, state, overdue);
  }

  window.DuPingConsole.addScreen({ id: "requests", title: "首问责任", order: 35, render });
})();
