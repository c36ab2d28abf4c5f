/* Rounds (#/rounds): the list, and the form that creates a round or edits one still in draft
   (#/rounds/new, #/rounds/<id>/edit; contract §4). One round's page (#/rounds/<id>) is
   round.js. Problems come back next to the field they name (scale.max, weights.attitude,
   evaluator_ids …). */
(function () {
  "use strict";
  const { el, replace, focusOn, KINDS, periodName } = window.DuPing;
  const { api, ui, registry } = window.DuPingConsole;

  const STATES = { draft: "草稿", open: "测评中", closed: "已截止", published: "已公布" };

  /** The half year we are in, e.g. "2026-H2": the usual period of a new round. */
  function currentPeriod(kind) {
    const now = new Date();
    const year = now.getFullYear();
    return kind === "quarterly" ? year + "-Q" + (Math.floor(now.getMonth() / 3) + 1) : year + "-H" + (now.getMonth() < 6 ? 1 : 2);
  }

  async function listScreen(view, ctx) {
    const box = el("div", { class: "message", hidden: true });
    const slot = el("div", {}, el("p", { class: "muted" }, "正在读取…"));
    view.append(el("h1", {}, "测评轮次"),
      el("div", { class: "actions toolbar no-print" }, el("a", { class: "button", href: "#/rounds/new", id: "new-round" }, "新建测评轮次")),
      box, slot);
    const response = await api.listAll(api.townshipPath("/rounds"));
    if (!ctx.isCurrent()) return;
    if (!response.ok) { ui.showProblem(box, response); replace(slot); return; }
    const rounds = response.items.slice().reverse();
    replace(slot, rounds.length ? ui.table([
      { label: "标题", className: "lead", cell: (r) => el("a", { href: "#/rounds/" + r.id }, r.title) },
      { label: "类型", cell: (r) => KINDS[r.kind] || r.kind },
      { label: "期间", cell: (r) => periodName(r.period) },
      { label: "状态", cell: (r) => el("span", { class: "state state-" + r.state }, STATES[r.state] || r.state) },
      { label: "督评员", className: "num", cell: (r) => String((r.evaluator_ids || []).length) },
    ], rounds, { caption: "全部轮次（" + rounds.length + "）", id: "rounds-table", rowAttrs: (r) => ({ dataset: { id: String(r.id) } }) })
      : el("p", { class: "muted" }, "还没有测评轮次。先在“名册”里录入部门、干部和督评员，再新建一轮。"));
  }

  /** The evaluator checkboxes, grouped by category, all ticked for a new round. */
  function panelField(evaluators, chosen) {
    const boxes = [];
    const groups = Object.entries(registry.CATEGORIES).map(([category, label]) => {
      const members = evaluators.filter((e) => e.category === category);
      if (!members.length) return null;
      return el("div", { class: "panel-group" }, el("p", { class: "panel-category" }, label + "（" + members.length + "）"),
        members.map((e) => {
          const box = el("input", { type: "checkbox", id: "panel-" + e.id, value: String(e.id), checked: chosen ? chosen.has(e.id) : e.active !== false });
          boxes.push(box);
          return el("label", { class: "check-label", for: "panel-" + e.id }, box, e.name + (e.village ? "（" + e.village + "）" : ""));
        }));
    });
    const setAll = (on) => boxes.forEach((b) => { b.checked = on; });
    const wrapper = el("fieldset", { class: "field panel", dataset: { field: "evaluator_ids" } },
      el("legend", {}, "督评员名单（本轮发测评码的人）"),
      el("div", { class: "actions tight" }, ui.button("全选", () => setAll(true), "secondary small-button"), ui.button("全不选", () => setAll(false), "secondary small-button")),
      evaluators.length ? groups : el("p", { class: "field-error" }, "名册里还没有督评员，请先到“名册 → 督评员”录入或导入。"));
    return { wrapper, ids: () => boxes.filter((b) => b.checked).map((b) => Number(b.value)) };
  }

  function numberField(name, label, value, attrs) {
    return ui.field({ name, label, type: "number", value, attrs: Object.assign({ step: "any" }, attrs || {}) });
  }

  async function formScreen(view, ctx, round) {
    const evaluators = await api.listAll(api.townshipPath("/evaluators"));
    if (!ctx.isCurrent()) return;
    const box = el("div", { class: "message error", hidden: true, id: "round-form-message" });
    if (!evaluators.ok) { view.append(el("h1", {}, "新建测评轮次"), box); ui.showProblem(box, evaluators); return; }
    const r = round || { kind: "semiannual", scale: { min: 0, max: 100 }, weights: { village_time: 1, attitude: 1, completion: 1 },
      least_threshold: 0.3, min_group: 3, category_weights: null };
    const simple = {
      title: ui.field({ name: "title", label: "标题", required: true, value: r.title || "", hint: "例如 2026年下半年三督六评" }),
      kind: ui.field({ name: "kind", label: "类型", type: "select", options: Object.entries(KINDS), value: r.kind }),
      period: ui.field({ name: "period", label: "期间", required: true, value: r.period || currentPeriod(r.kind), hint: "半年：2026-H1 或 2026-H2；季度：2026-Q1 至 2026-Q4" }),
    };
    const numbers = {
      "scale.min": numberField("scale.min", "最低分", r.scale.min, { step: "1" }),
      "scale.max": numberField("scale.max", "最高分", r.scale.max, { step: "1" }),
      "weights.village_time": numberField("weights.village_time", "下村时间权重", r.weights.village_time, { min: "0" }),
      "weights.attitude": numberField("weights.attitude", "工作态度权重", r.weights.attitude, { min: "0" }),
      "weights.completion": numberField("weights.completion", "任务完成权重", r.weights.completion, { min: "0" }),
      least_threshold: numberField("least_threshold", "最不满意门槛（得票占选票的比例）", r.least_threshold, { min: "0", max: "1" }),
      min_group: numberField("min_group", "每类最少人数", r.min_group, { min: "1", step: "1" }),
    };
    const weighted = ui.field({ name: "category_weights_on", label: "按督评员类别加权", type: "checkbox", value: !!r.category_weights,
      hint: "不勾选时每张选票分量相同。" });
    const categoryFields = Object.entries(registry.CATEGORIES).map(([key, label]) =>
      numberField("category_weights." + key, label, r.category_weights ? r.category_weights[key] : 1, { min: "0" }));
    const categoryBox = el("fieldset", { class: "field", dataset: { field: "category_weights" }, hidden: !r.category_weights },
      el("legend", {}, "各类督评员的权重"), el("div", { class: "form-grid" }, categoryFields));
    weighted.querySelector("input").addEventListener("change", (e) => { categoryBox.hidden = !e.target.checked; });
    simple.kind.querySelector("select").addEventListener("change", (e) => {
      const period = simple.period.querySelector("input");
      if (!round && period.value === currentPeriod(e.target.value === "quarterly" ? "semiannual" : "quarterly")) period.value = currentPeriod(e.target.value);
    });
    const panel = panelField(evaluators.items, round ? new Set(round.evaluator_ids) : null);
    const submit = el("button", { type: "submit", id: "round-submit" }, round ? "保存修改" : "创建（草稿）");
    const form = el("form", { class: "card", novalidate: true, id: "round-form" },
      el("div", { class: "form-grid" }, Object.values(simple)),
      el("fieldset", { class: "field", dataset: { field: "scale" } }, el("legend", {}, "分数范围"), el("div", { class: "form-grid" }, numbers["scale.min"], numbers["scale.max"])),
      el("fieldset", { class: "field", dataset: { field: "weights" } }, el("legend", {}, "三项督查的权重"),
        el("div", { class: "form-grid" }, numbers["weights.village_time"], numbers["weights.attitude"], numbers["weights.completion"])),
      el("div", { class: "form-grid" }, numbers.least_threshold, numbers.min_group),
      weighted, categoryBox, panel.wrapper,
      el("p", { class: "hint" }, "测评对象：开启时在岗的全部干部、在用的全部部门和本年度的全部实事。"),
      box, el("div", { class: "actions" }, submit, el("a", { class: "button secondary", href: round ? "#/rounds/" + round.id : "#/rounds" }, "取消")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const v = (wrapper) => ui.fieldValue(wrapper);
      const body = { title: v(simple.title), kind: v(simple.kind), period: v(simple.period),
        scale: { min: v(numbers["scale.min"]), max: v(numbers["scale.max"]) },
        weights: { village_time: v(numbers["weights.village_time"]), attitude: v(numbers["weights.attitude"]), completion: v(numbers["weights.completion"]) },
        least_threshold: v(numbers.least_threshold), min_group: v(numbers.min_group),
        category_weights: v(weighted) ? Object.fromEntries(Object.keys(registry.CATEGORIES).map((k, i) => [k, v(categoryFields[i])])) : null,
        evaluator_ids: panel.ids() };
      const path = api.townshipPath("/rounds" + (round ? "/" + round.id : ""));
      const response = await ui.busy(submit, () => api.request(path, { method: round ? "PATCH" : "POST", body }));
      if (response.ok) { window.DuPingConsole.navigate("rounds", response.data.id); return; }
      ui.showProblem(box, response, form);
      focusOn(box);
    });
    view.append(el("h1", {}, round ? "修改测评轮次（草稿）" : "新建测评轮次"), form);
  }

  async function render(view, args, ctx) {
    if (args[0] === "new") return formScreen(view, ctx, null);
    if (/^\d+$/.test(args[0] || "")) {
      if (args[1] === "edit") {
        const response = await api.request(api.townshipPath("/rounds/" + args[0]));
        if (!ctx.isCurrent()) return;
        if (!response.ok) { const box = el("div", {}); view.append(box); ui.showProblem(box, response); return; }
        return formScreen(view, ctx, response.data);
      }
      return window.DuPingConsole.roundScreen(view, Number(args[0]), ctx);
    }
    return listScreen(view, ctx);
  }

  window.DuPingConsole.ROUND_STATES = STATES;
  window.DuPingConsole.addScreen({ id: "rounds", title: "测评轮次", order: 20, render });
})();
