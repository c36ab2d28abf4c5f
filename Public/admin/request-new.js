/* Filing a first-asked request at the office's counter (#/requests/new; contract §12: POST
   .../requests with `first_cadre_id`, the cadre who received the person). The code comes back
   once: it is shown in the once-dialog with the public lookup page, to be copied or printed on
   a receipt for the person, and is kept nowhere by the console. Exposed as
   DuPingConsole.requestNew. */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  async function requestNew(view, ctx) {
    const req = window.DuPingConsole.requests;
    const status = el("div", { class: "message", hidden: true, id: "request-new-status" });
    const slot = el("div", { id: "request-new-body", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    view.append(req.tabs("requests-new-tab"), el("h1", {}, "当面登记"), status, slot);
    const dir = await req.directory();
    if (!ctx.isCurrent()) return;
    slot.removeAttribute("aria-busy");
    if (!dir.ok) { ui.showProblem(status, dir.failed); replace(slot); return; }
    const cadres = [...dir.cadres.values()].filter((c) => c.status !== "left");
    const summary = ui.field({ name: "summary", label: "群众反映的事", type: "textarea", required: true,
      hint: "只有镇里看得到；群众查询时看不到摘要和联系方式。" });
    const contact = ui.field({ name: "contact", label: "联系方式", hint: "电话或住址，便于回访（可不填）。" });
    const first = ui.field({ name: "first_cadre_id", label: "首问干部（接待的人）", type: "select", required: true,
      options: [["", "（请选择）"]].concat(cadres.map((c) => [c.id, c.name + "（" + req.nameOf(dir.departments, c.department_id) + "）"])) });
    const due = ui.field({ name: "due", label: "办理期限", type: "date", hint: "不填则为登记之日起 7 天。" });
    const box = el("div", { class: "message error", hidden: true, id: "request-new-problem" });
    const submit = el("button", { type: "submit", id: "request-new-submit" }, "登记并生成查询码");
    const form = el("form", { class: "card", id: "request-form", novalidate: true, "aria-labelledby": "request-form-title" },
      el("h2", { id: "request-form-title" }, "群众在窗口反映的事"),
      el("p", { class: "hint" }, "登记后生成一个查询码，只显示一次：请抄给或打印给群众，凭码在群众查询页查看办理进度。"),
      el("div", { class: "form-grid" }, summary, contact, first, due), box,
      el("div", { class: "actions" }, submit));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      ui.clearFieldErrors(form);
      box.hidden = true;
      const body = { summary: ui.fieldValue(summary) || "" };
      const firstId = ui.fieldValue(first);
      if (firstId !== null) body.first_cadre_id = Number(firstId);
      for (const [name, wrapper] of [["contact", contact], ["due", due]]) {
        const value = ui.fieldValue(wrapper);
        if (value !== null) body[name] = value;
      }
      const response = await ui.busy(submit, () => api.request(api.townshipPath("/requests"), { method: "POST", body }));
      if (!response.ok) { ui.showProblem(box, response, form); focusOn(box); return; }
      const filed = response.data;
      form.reset();
      const lookup = location.origin + "/request.html";
      await window.DuPingConsole.onceDialog({
        id: "request-code-dialog",
        title: "查询码（只显示这一次）",
        lead: "请把查询码交给来访群众（抄写或打印回执）。控制台不保存查询码，关闭后再也看不到。",
        items: [
          { label: "查询码", value: filed.code, id: "request-code", big: true },
          { label: "查询网址（输入查询码）", value: lookup, id: "request-lookup", link: true },
          { label: "直接查询的链接（含查询码）", value: lookup + "#code=" + filed.code, id: "request-direct", link: true },
        ],
        notes: [api.session().name + " 首问事项 #" + filed.id + "，登记于 " + filed.filed_on + "，办理期限 " + filed.due + "。",
          "凭查询码在上面的网址查看办理进度：办理状态、承办部门、日期和办理结果（不显示反映的内容和任何人的姓名）。"],
        print: "打印回执",
        printTitle: api.session().name + " · 首问责任制 · 群众反映事项回执",
      });
      ui.flash("已登记首问事项 #" + filed.id + "。");
      window.DuPingConsole.navigate("requests", filed.id);
    });
    replace(slot, cadres.length ? form : el("p", { class: "muted" }, "名册里还没有在岗干部，先在“名册 → 干部”里添加。"));
  }

  window.DuPingConsole.requestNew = requestNew;
})();
