/* One first-asked request (#/requests/<id>; contract §12) as the admin sees it: the matter, who
   filed and holds it, its dates and state, its history in words, and the steps an admin may take
   in its state: hand it to a department (and a named cadre of it) or resolve it with the outcome
   while it is open or accepted, accept it for the cadre it was passed to while it is passed.
   Exposed as DuPingConsole.requestDetail. */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  /** A history entry in words. */
  function eventText(entry, dir, req) {
    const d = entry.data || {};
    const by = d.by_cadre_id ? req.nameOf(dir.cadres, d.by_cadre_id) : "镇组织办";
    switch (entry.event) {
      case "filed": return "登记，首问干部 " + req.nameOf(dir.cadres, d.first_cadre_id) + "，期限 " + (d.due || "—");
      case "handoff": return by + " 转交 " + req.nameOf(dir.departments, d.department_id) +
        (d.cadre_id ? "（" + req.nameOf(dir.cadres, d.cadre_id) + "）" : "") + (d.note ? "。说明：" + d.note : "");
      case "accept": return (d.by_cadre_id ? by + " 接收" : "镇组织办代为接收") +
        (d.holder_cadre_id && d.holder_cadre_id !== d.by_cadre_id ? "，承办人 " + req.nameOf(dir.cadres, d.holder_cadre_id) : "");
      case "resolve": return by + " 办结（" + (d.resolved_on || "") + "）";
      default: return entry.event;
    }
  }

  /** A form that POSTs one step and, when it worked, redraws the page with `done`'s words. */
  function stepForm(id, title, fields, submitLabel, path, makeBody, done, intro) {
    const box = el("div", { class: "message error", hidden: true });
    const submit = el("button", { type: "submit", id: id + "-submit" }, submitLabel);
    const form = el("form", { class: "card", id, novalidate: true }, el("h2", {}, title), intro ? el("p", { class: "hint" }, intro) : null,
      fields.length ? el("div", { class: "form-grid" }, fields) : null, box, el("div", { class: "actions" }, submit));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      ui.clearFieldErrors(form);
      const response = await ui.busy(submit, () => api.request(path, { method: "POST", body: makeBody() }));
      if (response.ok) { done(response.data); return; }
      ui.showProblem(box, response, form);
      focusOn(box);
    });
    return form;
  }

  function handoffForm(item, dir, path, reopen) {
    const departments = [...dir.departments.values()].filter((d) => d.active !== false);
    const department = ui.field({ name: "department_id", label: "转交部门", type: "select", required: true,
      options: [["", "（请选择）"]].concat(departments.map((d) => [d.id, d.name])) });
    const cadre = ui.field({ name: "cadre_id", label: "承办干部", type: "select", options: [["", "（不指定，部门里谁都可以接收）"]],
      hint: "可不指定；指定后只有这名干部（或镇组织办）能接收。" });
    const note = ui.field({ name: "note", label: "转交说明" });
    const departmentSelect = department.querySelector("select");
    departmentSelect.addEventListener("change", () => {
      const chosen = Number(departmentSelect.value);
      const options = [...dir.cadres.values()].filter((c) => c.department_id === chosen && c.status !== "left");
      replace(cadre.querySelector("select"), el("option", { value: "" }, "（不指定，部门里谁都可以接收）"),
        options.map((c) => el("option", { value: String(c.id) }, c.name + (c.post ? "（" + c.post + "）" : ""))));
    });
    const number = (wrapper) => { const v = ui.fieldValue(wrapper); return v === null ? null : Number(v); };
    return stepForm("handoff-form", "转交", [department, cadre, note], "转交", path + "/handoffs", () => {
      const body = { department_id: number(department) };
      if (number(cadre) !== null) body.cadre_id = number(cadre);
      if (ui.fieldValue(note) !== null) body.note = ui.fieldValue(note);
      return body;
    }, () => reopen("已转交，等待" + (number(cadre) ? req().nameOf(dir.cadres, number(cadre)) : req().nameOf(dir.departments, number(department))) + "接收。"));
  }

  const req = () => window.DuPingConsole.requests;

  async function requestDetail(view, ctx, id) {
    const path = api.townshipPath("/requests/" + id);
    const [response, dir] = await Promise.all([api.request(path), req().directory()]);
    if (!ctx.isCurrent()) return;
    const status = el("div", { class: "message", hidden: true, id: "request-status", tabindex: "-1" });
    view.append(req().tabs(null), el("p", { class: "no-print back" }, el("a", { href: "#/requests" }, "← 事项列表")), status);
    const flashed = ui.takeFlash();
    if (flashed) ui.message(status, "ok", flashed);
    if (!response.ok || !dir.ok) { ui.showProblem(status, response.ok ? dir.failed : response); return; }
    const r = response.data;
    const fact = (label, value, key) => [el("dt", {}, label), el("dd", { dataset: { fact: key } }, value === null || value === undefined || value === "" ? "—" : value)];
    view.append(el("section", { class: "card", id: "request-head" },
      el("h1", { id: "request-title" }, "首问事项 #" + r.id, " ", req().badges(r)),
      el("p", { class: "summary-text", id: "request-summary" }, r.summary),
      el("dl", { class: "facts" },
        fact("联系方式", r.contact, "contact"), fact("首问干部", req().nameOf(dir.cadres, r.first_cadre_id), "first"),
        fact("现在", req().whereNow(r, dir), "now"), fact("登记", r.filed_on, "filed"), fact("期限", r.due, "due"),
        fact("办结", r.resolved_on, "resolved"), fact("办结人", r.resolved_by_cadre_id ? req().nameOf(dir.cadres, r.resolved_by_cadre_id) : null, "resolver")),
      r.outcome ? el("div", { class: "outcome" }, el("h2", {}, "办理结果"), el("p", { class: "summary-text", id: "request-outcome" }, r.outcome)) : null));

    const reopen = (text) => { ui.flash(text); window.DuPingConsole.navigate("requests", id); };
    const steps = [];
    if (r.state === "open" || r.state === "accepted") {
      steps.push(handoffForm(r, dir, path, reopen));
      const outcome = ui.field({ name: "outcome", label: "办理结果", type: "textarea", required: true, hint: "群众凭查询码能看到这段话，不要写姓名和电话。" });
      steps.push(stepForm("resolve-form", "办结", [outcome], "办结", path + "/resolve", () => ({ outcome: ui.fieldValue(outcome) || "" }),
        () => reopen("已办结。"), "通常由承办干部用自己的令牌办结；镇组织办也可以代为办结。"));
    } else if (r.state === "passed") {
      const who = r.passed_to_cadre_id ? req().nameOf(dir.cadres, r.passed_to_cadre_id) : null;
      steps.push(stepForm("accept-form", "接收", [], "代为接收", path + "/accept", () => ({}), () => reopen("已接收，" + (who ? who + "承办。" : "由镇组织办承办。")),
        "通常由" + (who || req().nameOf(dir.departments, r.department_id) + "的干部") + "用自己的令牌接收；镇组织办也可以代为接收" + (who ? "（承办人为" + who + "）" : "") + "。"));
    }
    if (steps.length) view.append(el("div", { class: "two-up no-print", id: "request-steps" }, steps));

    const events = r.events || [];
    view.append(el("section", { class: "card", id: "request-history", "aria-labelledby": "request-history-title" },
      el("h2", { id: "request-history-title" }, "办理经过"),
      ui.table([
        { label: "时间", cell: (e) => el("span", { class: "nowrap" }, window.DuPing.timeName(e.at)) },
        { label: "经过", className: "wide", cell: (e) => eventText(e, dir, req()) },
      ], events, { id: "request-events", className: "timeline", rowAttrs: (e) => ({ dataset: { event: e.event } }) })));
    if (flashed) focusOn(status);
  }

  window.DuPingConsole.requestDetail = requestDetail;
})();
