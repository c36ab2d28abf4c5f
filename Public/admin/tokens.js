/* Cadres' own tokens (contract §2), the 干部令牌 tab of #/settings: each cadre with a button that
   issues a new token (POST .../cadres/{id}/token) and one that revokes it (DELETE), both asking
   first. A new token is shown once, with the phone link that opens whereabouts.html with it, in
   the once-dialog; the console keeps neither, and neither ever goes into the console's address.
   A new token replaces the old one, which stops working at once. Exposed as
   DuPingConsole.tokensPanel. */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui, registry } = window.DuPingConsole;

  /** The link a cadre opens on its phone: its token stays in the fragment, never sent to the server. */
  function phoneLink(cadre, token) {
    return location.origin + "/whereabouts.html?township=" + encodeURIComponent(api.session().township) +
      "#cadre=" + cadre.id + "&token=" + encodeURIComponent(token);
  }

  async function issue(cadre, status) {
    const response = await api.request(api.townshipPath("/cadres/" + cadre.id + "/token"), { method: "POST" });
    if (!response.ok) { ui.showProblem(status, response); focusOn(status); return; }
    ui.message(status, "ok", "已给" + cadre.name + "发新令牌，原来的令牌（如有）已作废。");
    await window.DuPingConsole.onceDialog({
      id: "token-dialog",
      title: cadre.name + "的干部令牌（只显示这一次）",
      lead: "请现在把链接发到" + cadre.name + "本人的手机上（或当面在其手机上打开）。关闭后控制台再也看不到这个令牌。",
      items: [
        // Text, not a link: opened on the office's computer, it would make that computer the cadre's.
        { label: "手机报告链接（今日去向，在干部本人的手机上打开）", value: phoneLink(cadre, response.data.token), id: "token-link" },
        { label: "令牌", value: response.data.token, id: "token-value" },
      ],
      notes: [
        "这个令牌替换了" + cadre.name + "原来的令牌，旧令牌从现在起不能再用。",
        "干部在手机上打开链接后，手机会记住身份，以后直接打开今日去向页即可报告。",
        "令牌只给干部本人，不要发到群里。丢了就在这里发新令牌，旧的随之作废。",
      ],
    });
    focusOn(status);
  }

  async function revoke(cadre, status) {
    const response = await api.request(api.townshipPath("/cadres/" + cadre.id + "/token"), { method: "DELETE" });
    if (response.ok) ui.message(status, "ok", cadre.name + "的令牌已作废，用它的手机不能再报告。");
    else if (response.status === 404) ui.message(status, "error", cadre.name + "现在没有令牌，无需作废。");
    else ui.showProblem(status, response);
    focusOn(status);
  }

  function actions(cadre, status) {
    if (cadre.status === "left") return el("span", { class: "muted" }, "已离任，令牌已失效");
    return el("div", { class: "token-actions" },
      ui.confirmed("发新令牌", "发新令牌后，" + cadre.name + "原来的令牌立即作废。确定吗？", "issue-" + cadre.id, () => issue(cadre, status), { reset: true }),
      ui.confirmed("作废令牌", "作废后" + cadre.name + "的手机不能再报告。确定吗？", "revoke-" + cadre.id, () => revoke(cadre, status), { reset: true }));
  }

  async function tokensPanel(view, ctx, tabs) {
    const status = el("div", { class: "message", hidden: true, id: "tokens-status", tabindex: "-1" });
    const slot = el("div", { id: "tokens-table", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    view.append(tabs("tokens"), el("h1", {}, "干部令牌"),
      el("div", { class: "card explain" },
        el("p", {}, "干部令牌是干部自己用的凭证：在手机上报告今日去向、写民情日记、登记和转交首问事项，分管领导录入月底督查。"),
        el("ul", {},
          el("li", {}, "令牌只在发出时显示一次，控制台不保存，也看不出谁已经有令牌。"),
          el("li", {}, el("strong", {}, "发新令牌会替换这位干部原来的令牌"), "，旧的立即作废（手机丢了、换了，就发新的）。"),
          el("li", {}, "干部离任（名册里状态改为离任）时，令牌自动作废。"))),
      status, slot);
    const [cadres, departments] = await Promise.all([api.listAll(api.townshipPath("/cadres")), api.listAll(api.townshipPath("/departments"))]);
    if (!ctx.isCurrent()) return;
    slot.removeAttribute("aria-busy");
    if (!cadres.ok || !departments.ok) { ui.showProblem(status, cadres.ok ? departments : cadres); replace(slot); return; }
    const names = new Map(departments.items.map((d) => [d.id, d.name]));
    replace(slot, cadres.items.length
      ? ui.table([
        { label: "姓名", className: "lead", cell: (c) => c.name },
        { label: "部门", cell: (c) => names.get(c.department_id) || "" },
        { label: "职务", cell: (c) => c.post || "" },
        { label: "状态", cell: (c) => registry.CADRE_STATUS[c.status] || c.status },
        { label: "令牌", className: "token-cell", cell: (c) => actions(c, status) },
      ], cadres.items, { caption: "干部（" + cadres.items.length + "）", className: "registry stack tokens",
        rowAttrs: (c) => ({ dataset: { id: String(c.id) } }) })
      : el("p", { class: "muted" }, "名册里还没有干部。先在“名册 → 干部”里添加。"));
  }

  window.DuPingConsole.tokensPanel = tokensPanel;
})();
