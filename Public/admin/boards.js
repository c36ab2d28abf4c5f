/* The responsibility boards (#/boards; contract §9): the three boards with their status lights,
   counts and quotas drawn by the public page's renderer (../assets/responsibility-render.js),
   an as-of date and a village filter, responsibility.csv; one target's page
   (#/boards/project/<id>) with its timeline and the change of its due date or state, each with
   the reason the API requires. The month's checks are checks.js (#/boards/checks). */
(function () {
  "use strict";
  const { el, replace, focusOn, BOARDS } = window.DuPing;
  const { api, ui } = window.DuPingConsole;
  const resp = () => window.DuPing.responsibility;

  const STATES = { active: "进行中", cancelled: "已取消" };

  /** The tabs shared by the board and the checks table. */
  function tabs(current) {
    return el("nav", { class: "tabs no-print", "aria-label": "责任榜" },
      el("a", { href: "#/boards", "aria-current": current === "board" ? "page" : null }, "三个责任榜"),
      el("a", { href: "#/boards/checks", id: "checks-tab", "aria-current": current === "checks" ? "page" : null }, "月底督查录入"));
  }

  /** Each project's title on the board becomes a link to its page in the console. */
  function linkTitles(container) {
    for (const row of container.querySelectorAll("tr[data-project]")) {
      const title = row.querySelector(".title");
      if (!title || title.querySelector("a")) continue;
      const link = el("a", { href: "#/boards/project/" + row.dataset.project }, title.textContent);
      replace(title, link);
    }
  }

  async function boardScreen(view, ctx, asOf) {
    const status = el("div", { class: "message", hidden: true, id: "boards-status" });
    const slot = el("div", { id: "boards-body", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    view.append(tabs("board"), status, slot);
    const query = asOf ? "?as_of=" + encodeURIComponent(asOf) : "";
    const response = await api.request(api.townshipPath("/responsibility" + query));
    if (!ctx.isCurrent()) return;
    slot.removeAttribute("aria-busy");
    if (!response.ok) { ui.showProblem(status, response); replace(slot); return; }
    const data = response.data;
    const label = api.session().name;
    resp().render(slot, data, label, "");
    const filtered = slot.querySelector("#filtered");
    linkTitles(filtered);
    const controls = slot.querySelector("#controls");
    controls.addEventListener("submit", (event) => {
      event.preventDefault();
      const day = slot.querySelector("#as-of").value;
      if (day) window.DuPingConsole.navigate("boards", "as-of", day);
    });
    slot.querySelector("#village").addEventListener("change", (event) => {
      resp().filtered(filtered, data, event.target.value);
      linkTitles(filtered);
    });
    const files = ui.downloads(status, api.townshipPath("/responsibility.csv?as_of=" + data.as_of),
      "responsibility-" + data.year + "-" + data.as_of + ".csv", "board");
    controls.after(el("div", { class: "actions toolbar no-print" },
      el("a", { class: "button", href: "#/boards/checks" }, "录入本月督查"), files,
      el("a", { class: "button secondary", href: "../responsibility.html?township=" + encodeURIComponent(api.session().township), target: "_blank", rel: "noopener" }, "群众看到的责任榜")));
  }

  /** Timeline entries in words: created, a check, a due date moved, a state changed. */
  function timelineText(entry) {
    const d = entry.data || {};
    const words = resp().ASSESSMENTS;
    switch (entry.event) {
      case "created": return "建立项目";
      case "check": return "督查 " + (d.month || "") + "：进度 " + d.progress + "%，" + (words[d.assessment] || d.assessment) + (d.note ? "。" + d.note : "");
      case "due_changed": return "期限 " + (d.from || "—") + " 改为 " + (d.to || "—") + "。理由：" + (d.reason || "");
      case "state_changed": return "状态 " + (STATES[d.from] || d.from) + " 改为 " + (STATES[d.to] || d.to) + "。理由：" + (d.reason || "");
      default: return entry.event;
    }
  }

  /** A small form that PATCHes the project; its fields are named as the API members. */
  function patchForm(id, title, fields, submitLabel, makeBody, onDone) {
    const box = el("div", { class: "message error", hidden: true });
    const submit = el("button", { type: "submit", class: onDone.danger ? "danger" : null }, submitLabel);
    const form = el("form", { class: "card", id, novalidate: true }, el("h2", {}, title), el("div", { class: "form-grid" }, fields), box,
      el("div", { class: "actions" }, submit));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      ui.clearFieldErrors(form);
      const response = await ui.busy(submit, () => api.request(onDone.path, { method: "PATCH", body: makeBody() }));
      if (response.ok) { onDone.saved(response.data); return; }
      ui.showProblem(box, response, form);
      focusOn(box);
    });
    return form;
  }

  async function projectScreen(view, ctx, id) {
    const path = api.townshipPath("/projects/" + id);
    const [project, timeline, cadres] = await Promise.all([api.request(path), api.request(path + "/timeline"),
      api.listAll(api.townshipPath("/cadres"))]);
    if (!ctx.isCurrent()) return;
    const status = el("div", { class: "message", hidden: true, id: "project-status" });
    view.append(el("p", { class: "no-print back" }, el("a", { href: "#/boards" }, "← 三个责任榜")), status);
    const flashed = ui.takeFlash();
    if (flashed) ui.message(status, "ok", flashed);
    if (!project.ok) { ui.showProblem(status, project); return; }
    const p = project.data;
    const names = new Map((cadres.items || []).map((c) => [c.id, c.name]));
    const name = (cid) => (cid ? names.get(cid) || "#" + cid : "—");
    const fact = (label, value) => [el("dt", {}, label), el("dd", {}, value === null || value === undefined || value === "" ? "—" : String(value))];
    view.append(el("section", { class: "card", id: "project-head" },
      el("h1", { id: "project-title" }, p.title),
      el("dl", { class: "facts" },
        fact("责任榜", BOARDS[p.board] || p.board), fact("目标", p.target), fact("责任人", name(p.cadre_id)),
        fact("分管领导", name(p.supervisor_id)), fact("村", p.village), fact("开始", p.start),
        fact("期限", p.due), fact("原期限", p.original_due), fact("延期次数", p.due_changes || 0),
        el("dt", {}, "状态"), el("dd", { id: "project-state" }, STATES[p.state] || p.state))));

    const reopen = (text) => { ui.flash(text); window.DuPingConsole.navigate("boards", "project", id); };
    const dueField = ui.field({ name: "due", label: "新的期限", type: "date", value: p.due || "", required: true });
    const dueReason = ui.field({ name: "due_change_reason", label: "改期限的理由", required: true, hint: "记入项目的变更记录，群众看到延期次数和原期限。" });
    const dueForm = patchForm("due-form", "调整期限", [dueField, dueReason], "保存新期限",
      () => ({ due: ui.fieldValue(dueField), due_change_reason: ui.fieldValue(dueReason) }),
      { path, saved: (saved) => reopen("期限已改为 " + saved.due + "。") });
    const cancelling = p.state !== "cancelled";
    const stateReason = ui.field({ name: "state_change_reason", label: cancelling ? "取消的理由" : "恢复的理由", required: true });
    const stateForm = patchForm("state-form", cancelling ? "取消这个项目" : "恢复这个项目", [stateReason], cancelling ? "取消项目" : "恢复项目",
      () => ({ state: cancelling ? "cancelled" : "active", state_change_reason: ui.fieldValue(stateReason) }),
      { path, danger: cancelling, saved: () => reopen(cancelling ? "项目已取消。" : "项目已恢复。") });
    view.append(el("div", { class: "two-up no-print" }, dueForm, stateForm));

    const entries = timeline.ok ? timeline.data.items : [];
    view.append(el("section", { class: "card", id: "timeline", "aria-labelledby": "timeline-title" },
      el("h2", { id: "timeline-title" }, "变更与督查记录"),
      timeline.ok ? ui.table([
        { label: "时间", cell: (e) => el("span", { class: "nowrap" }, window.DuPing.timeName(e.at)) },
        { label: "内容", className: "wide", cell: (e) => timelineText(e) },
      ], entries, { id: "timeline-table", className: "timeline", rowAttrs: (e) => ({ dataset: { event: e.event } }) })
        : el("p", { class: "field-error" }, ui.problemText(timeline))));
  }

  function render(view, args, ctx) {
    if (args[0] === "project" && /^\d+$/.test(args[1] || "")) return projectScreen(view, ctx, Number(args[1]));
    if (args[0] === "checks") return window.DuPingConsole.checksScreen(view, ctx, args[1], tabs);
    return boardScreen(view, ctx, args[0] === "as-of" ? args[1] : null);
  }

  window.DuPingConsole.addScreen({ id: "boards", title: "责任榜", order: 30, render });
})();
