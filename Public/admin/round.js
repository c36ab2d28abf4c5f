/* One round (#/rounds/<id>; contract §4): its state and the step that comes next — open (which
   prints the slips, slips.js), live turnout by category polled every 12 s while the round is
   open and this screen is shown, a new slip for a lost code, close, and then the results,
   results.csv and publication (round-results.js). Irreversible steps ask once more inline. */
(function () {
  "use strict";
  const { el, replace, focusOn, KINDS, periodName, timeName } = window.DuPing;
  const { api, ui, registry, slips } = window.DuPingConsole;

  const POLL_MS = 12000;

  /** The turnout card: totals, a bar per category, and who has not voted yet (with 补发). */
  function turnoutView(turnout, names, onReissue) {
    const percent = (voted, panel) => (panel ? Math.round((voted / panel) * 100) : 0);
    const bar = (voted, panel) => {
      const fill = el("span", { class: "bar-fill" });
      fill.style.width = percent(voted, panel) + "%";
      return el("span", { class: "bar", "aria-hidden": "true" }, fill);
    };
    const rows = Object.entries(registry.CATEGORIES).map(([key, label]) => ({ key, label, ...(turnout.by_category[key] || { panel: 0, voted: 0 }) }))
      .filter((r) => r.panel > 0);
    const waiting = turnout.evaluators.filter((e) => !e.voted);
    return [
      el("p", { class: "turnout-total", id: "turnout-total" }, "已投 ", el("strong", {}, String(turnout.voted)), " / 应投 " + turnout.panel +
        "（" + percent(turnout.voted, turnout.panel) + "%）"),
      ui.table([
        { label: "类别", className: "lead", cell: (r) => r.label },
        { label: "已投 / 应投", className: "num", cell: (r) => r.voted + " / " + r.panel },
        { label: "投票率", className: "wide", cell: (r) => el("span", { class: "bar-line" }, bar(r.voted, r.panel), percent(r.voted, r.panel) + "%") },
      ], rows, { caption: "按类别", id: "turnout-table", rowAttrs: (r) => ({ dataset: { category: r.key } }) }),
      el("details", { class: "waiting" }, el("summary", {}, "还没投票的督评员（" + waiting.length + "）"),
        el("ul", { class: "waiting-list" }, waiting.map((e) => el("li", {}, el("span", {}, names.get(e.evaluator_id) || "#" + e.evaluator_id),
          onReissue ? ui.button("补发测评码", () => onReissue(e.evaluator_id), "secondary small-button") : null)))),
    ];
  }

  /** Draws round `id` into `view`; `kept` carries the message (and slips page) of a step just taken. */
  async function roundScreen(view, id, ctx, kept) {
    const path = api.townshipPath("/rounds/" + id);
    const loaded = await api.request(path);
    if (!ctx.isCurrent()) return;
    const head = el("div", { class: "card round-head" });
    const status = (kept && kept.status) || el("div", { class: "message", hidden: true, id: "round-status", tabindex: "-1" });
    view.append(el("p", { class: "no-print back" }, el("a", { href: "#/rounds" }, "← 全部轮次")), head, status);
    const flashed = ui.takeFlash();
    if (flashed) ui.message(status, "ok", flashed);
    if (!loaded.ok) { ui.showProblem(status, loaded); return; }
    const round = loaded.data;
    const session = api.session();
    const labels = { township: session.name, round: round.title };
    let slipsURL = kept ? kept.slipsURL : null;
    ctx.onLeave(() => { if (slipsURL) URL.revokeObjectURL(slipsURL); });

    replace(head, el("h1", { id: "round-title" }, round.title),
      el("p", { class: "meta" }, el("span", {}, KINDS[round.kind] || round.kind), el("span", {}, periodName(round.period)),
        el("span", { class: "state state-" + round.state, id: "round-state" }, window.DuPingConsole.ROUND_STATES[round.state]),
        el("span", {}, "督评员 " + round.evaluator_ids.length + " 人"),
        round.opened_at ? el("span", {}, "开启 " + timeName(round.opened_at)) : null,
        round.closed_at ? el("span", {}, "截止 " + timeName(round.closed_at)) : null,
        round.published_at ? el("span", {}, "公布 " + timeName(round.published_at)) : null));

    /** Shows the outcome of open / reissue: the slips window, or a button when it was blocked. */
    function showSlips(result) {
      if (result.response) { ui.showProblem(status, result.response); focusOn(status); return; }
      if (slipsURL) URL.revokeObjectURL(slipsURL);
      slipsURL = result.url;
      const url = result.url;
      const again = ui.button(result.shown ? "再次打开纸条页" : "打开纸条页", () => window.open(url, "_blank"), result.shown ? "secondary" : null);
      again.id = "slips-again";
      ui.message(status, "ok", "已生成 " + result.count + " 张测评码纸条" + (result.shown ? "，已在新窗口打开，请在那里打印。" : "。浏览器拦住了新窗口，请点下面的按钮打开。") +
        "测评码只显示这一次：关闭这个页面后无法再看，丢失的只能补发。");
      status.append(el("p", {}, again));
      focusOn(status);
    }

    const actions = el("div", { class: "actions toolbar no-print", id: "round-actions" });
    const body = el("div", { id: "round-body" });
    view.append(actions, body);
    const rerender = () => { window.DuPingConsole.navigate("rounds", id); };

    if (round.state === "draft") {
      const open = ui.button("开启测评并打印纸条", async () => {
        const result = await ui.busy(open, () => slips.issue(path + "/open", labels));
        showSlips(result);
        if (!result.response && ctx.isCurrent()) {
          // The round is open now: draw it again below the message about the slips.
          const url = slipsURL;
          slipsURL = null;
          replace(view);
          await roundScreen(view, id, ctx, { status, slipsURL: url });
        }
      });
      open.id = "open-round";
      replace(actions, open, el("a", { class: "button secondary", href: "#/rounds/" + id + "/edit" }, "修改"));
      body.append(el("p", { class: "card" }, "这一轮还是草稿：可以修改。开启后按督评员名单生成测评码纸条（只显示这一次），开始接受投票。"));
    } else if (round.state === "open") {
      const evaluators = await api.listAll(api.townshipPath("/evaluators"));
      const names = new Map((evaluators.items || []).map((e) => [e.id, e.name]));
      const card = el("section", { class: "card", id: "turnout", "aria-labelledby": "turnout-title" },
        el("h2", { id: "turnout-title" }, "投票进度"), el("p", { class: "hint" }, "每 12 秒自动刷新。"), el("div", { id: "turnout-body" }));
      const reissue = async (evaluatorID) => {
        showSlips(await slips.issue(path + "/tokens/" + evaluatorID + "/reissue", labels));
      };
      const refresh = async () => {
        if (document.hidden) return;
        const response = await api.request(path + "/turnout");
        if (!ctx.isCurrent()) return;
        if (!response.ok) { ui.showProblem(status, response); return; }
        const openDetails = card.querySelector("details.waiting")?.open;
        replace(card.querySelector("#turnout-body"), turnoutView(response.data, names, reissue));
        if (openDetails) card.querySelector("details.waiting").open = true;
      };
      // A hidden tab (the clerk is printing the slips in another) skips the polls and catches up on return.
      const timer = setInterval(refresh, POLL_MS);
      const onVisible = () => { if (!document.hidden) refresh(); };
      document.addEventListener("visibilitychange", onVisible);
      ctx.onLeave(() => { clearInterval(timer); document.removeEventListener("visibilitychange", onVisible); });
      replace(actions, ui.confirmed("截止投票", "截止后不再接受任何选票。", "close-round", async () => {
        const response = await api.request(path + "/close", { method: "POST" });
        if (response.ok) { ui.flash("已截止投票，下面是测评结果。请核对后公布。"); rerender(); } else { ui.showProblem(status, response); focusOn(status); }
      }), ui.button("刷新进度", refresh, "secondary"));
      body.append(card);
      await refresh();
    } else {
      await window.DuPingConsole.roundResults(body, actions, round, path, status, ctx, rerender);
    }
  }

  window.DuPingConsole.roundScreen = roundScreen;
})();
