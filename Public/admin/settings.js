/* The 设置 screen (#/settings): the cadres' tokens (tokens.js, #/settings or #/settings/tokens)
   and the township's settings (#/settings/township; contract §9: PATCH /v1/townships/{code}
   with `settings`), the yearly quotas the responsibility boards count against. Each number is
   a field named as its API member (settings.yearly_service_projects …), so a problem the
   server names lands at its field. */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  const QUOTAS = [
    { key: "yearly_service_projects", label: "全镇每年为民办实事项目不少于（项）",
      hint: "责任榜“任务指标”里全镇为民办实事的要求。" },
    { key: "cadre_village_projects", label: "每名驻村干部每年在本村负责的项目不少于（项）",
      hint: "责任榜“任务指标”里每名驻村干部的要求（只算名册里填了驻村的在岗干部）。" },
  ];

  function tabs(current) {
    return el("nav", { class: "tabs no-print", "aria-label": "设置" },
      el("a", { href: "#/settings/tokens", "aria-current": current === "tokens" ? "page" : null }, "干部令牌"),
      el("a", { href: "#/settings/township", id: "township-settings-tab", "aria-current": current === "township" ? "page" : null }, "乡镇设置"));
  }

  async function townshipPanel(view, ctx) {
    const status = el("div", { class: "message", hidden: true, id: "settings-status", tabindex: "-1" });
    const slot = el("div", { id: "settings-body", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    view.append(tabs("township"), el("h1", {}, "乡镇设置"), status, slot);
    const response = await api.request(api.townshipPath(""));
    if (!ctx.isCurrent()) return;
    slot.removeAttribute("aria-busy");
    if (!response.ok) { ui.showProblem(status, response); replace(slot); return; }
    const current = response.data.settings || {};
    const wrappers = QUOTAS.map((q) => ui.field({ name: "settings." + q.key, label: q.label, type: "number", value: current[q.key],
      required: true, hint: q.hint, attrs: { min: "0", max: "1000", step: "1", inputmode: "numeric" } }));
    const box = el("div", { class: "message error", hidden: true, id: "settings-problem" });
    const submit = el("button", { type: "submit", id: "settings-submit" }, "保存设置");
    const form = el("form", { class: "card", id: "settings-form", novalidate: true, "aria-labelledby": "settings-form-title" },
      el("h2", { id: "settings-form-title" }, "责任榜的年度任务指标"),
      el("div", { class: "form-grid two" }, wrappers), box,
      el("div", { class: "actions" }, submit, el("a", { class: "button secondary", href: "#/boards" }, "看责任榜")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      ui.clearFieldErrors(form);
      box.hidden = true;
      const settings = {};
      const missing = [];
      QUOTAS.forEach((q, index) => {
        const value = ui.fieldValue(wrappers[index]);
        if (value === null) missing.push({ field: "settings." + q.key, message: "请填写 0 到 1000 之间的整数。" });
        else if (value !== current[q.key]) settings[q.key] = value;
      });
      if (missing.length) { ui.placeFieldErrors(form, missing); ui.message(box, "error", "请把设置填完整。"); return; }
      if (!Object.keys(settings).length) { ui.message(status, "", "没有改动。"); return; }
      const saved = await ui.busy(submit, () => api.request(api.townshipPath(""), { method: "PATCH", body: { settings } }));
      if (!saved.ok) { ui.showProblem(box, saved, form); focusOn(box); return; }
      Object.assign(current, saved.data.settings || {});
      ui.message(status, "ok", "已保存。责任榜的任务指标从现在起按新的数字计算。");
      focusOn(status);
    });
    replace(slot, form);
  }

  function render(view, args, ctx) {
    if (args[0] === "township") return townshipPanel(view, ctx);
    return window.DuPingConsole.tokensPanel(view, ctx, tabs);
  }

  window.DuPingConsole.addScreen({ id: "settings", title: "令牌与设置", order: 70, render });
})();
