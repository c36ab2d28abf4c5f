/* Quarterly reviews (#/reviews; contract §10 督评会 · 季评排队): the list, a new review (quarter,
   the closed quarterly round whose votes count, weights, points per light, bottom streak), one
   review's live draft ranking and its finalization with the party committee's commentary
   (asked twice: it writes every ranked cadre's archive), and the finalized ranking. */
(function () {
  "use strict";
  const { el, replace, focusOn, periodName, timeName, score } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  const STATES = { draft: "草稿（实时计算）", final: "已定稿" };
  const LIGHT_POINTS = [["green", "正常"], ["blue", "临期"], ["done", "已完成"], ["yellow", "滞后"], ["red", "超期"]];

  function currentQuarter() {
    const now = new Date(Date.now() + 8 * 3600 * 1000);
    return now.getUTCFullYear() + "-Q" + (Math.floor(now.getUTCMonth() / 3) + 1);
  }

  function stateBadge(state) {
    return el("span", { class: "state state-" + (state === "final" ? "published" : "draft"), id: "review-state" }, STATES[state] || state);
  }

  function numberField(name, label, value, attrs) {
    return ui.field({ name, label, type: "number", value, attrs: Object.assign({ step: "any", min: "0" }, attrs || {}) });
  }

  /** The form that creates a review; a problem lands at the field it names (round_id, weights.tasks …). */
  function createForm(rounds) {
    const period = ui.field({ name: "period", label: "季度", required: true, value: currentQuarter(), hint: "例如 2026-Q3" });
    const usable = rounds.filter((r) => r.kind === "quarterly" && (r.state === "closed" || r.state === "published"));
    const round = ui.field({ name: "round_id", label: "群众测评（季评排队轮次）", type: "select",
      options: [["", "（不计群众测评）"]].concat(usable.map((r) => [r.id, r.title + "（" + periodName(r.period) + "）"])),
      hint: "须是同一季度、已截止或已公布的季评排队轮次。" });
    const tasks = numberField("weights.tasks", "任务完成权重", 60);
    const votes = numberField("weights.votes", "群众测评权重", 40);
    const points = LIGHT_POINTS.map(([key, word]) => numberField("points." + key, word + "得分", { green: 100, blue: 100, done: 100, yellow: 80, red: 60 }[key], { max: "100" }));
    const streak = numberField("bottom_streak", "连续末位几个季度提示诫勉", 2, { min: "1", step: "1" });
    const box = el("div", { class: "message error", hidden: true, id: "review-form-message" });
    const submit = el("button", { type: "submit", id: "review-submit" }, "新建季评（草稿）");
    const form = el("form", { class: "card item-form", id: "review-form", novalidate: true, "aria-labelledby": "review-form-title" },
      el("h2", { id: "review-form-title" }, "新建季评排队"),
      el("div", { class: "form-grid" }, period, round, streak),
      el("fieldset", { class: "field", dataset: { field: "weights" } }, el("legend", {}, "权重"), el("div", { class: "form-grid" }, tasks, votes)),
      el("fieldset", { class: "field", dataset: { field: "points" } }, el("legend", {}, "责任榜各状态的任务得分"), el("div", { class: "form-grid" }, points)),
      box, el("div", { class: "actions" }, submit));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const v = ui.fieldValue;
      const body = { period: v(period), weights: { tasks: v(tasks), votes: v(votes) },
        points: Object.fromEntries(LIGHT_POINTS.map(([key], i) => [key, v(points[i])])), bottom_streak: v(streak) };
      if (v(round) !== null) body.round_id = Number(v(round));
      const response = await ui.busy(submit, () => api.request(api.townshipPath("/quarterly-reviews"), { method: "POST", body }));
      if (response.ok) { ui.flash("已新建" + periodName(response.data.period) + "季评（草稿）。下面的排名随数据实时计算，定稿后才固定。"); window.DuPingConsole.navigate("reviews", response.data.id); return; }
      ui.showProblem(box, response, form);
      focusOn(box);
    });
    return form;
  }

  async function listScreen(view, ctx) {
    const box = el("div", { class: "message", hidden: true });
    const slot = el("div", {}, el("p", { class: "muted" }, "正在读取…"));
    view.append(el("h1", {}, "季评排队"), box, slot);
    const [reviews, rounds] = await Promise.all([api.request(api.townshipPath("/quarterly-reviews")), api.listAll(api.townshipPath("/rounds"))]);
    if (!ctx.isCurrent()) return;
    if (!reviews.ok || !rounds.ok) { ui.showProblem(box, reviews.ok ? rounds : reviews); replace(slot); return; }
    const items = reviews.data.items.slice().sort((a, b) => (a.period < b.period ? 1 : -1));
    replace(slot, items.length ? ui.table([
      { label: "季度", className: "lead", cell: (r) => el("a", { href: "#/reviews/" + r.id }, periodName(r.period)) },
      { label: "状态", cell: (r) => el("span", { class: "state state-" + (r.state === "final" ? "published" : "draft") }, STATES[r.state] || r.state) },
      { label: "群众测评", cell: (r) => (r.round_id ? "第 " + r.round_id + " 轮" : "不计") },
      { label: "定稿时间", cell: (r) => (r.finalized_at ? timeName(r.finalized_at) : "—") },
    ], items, { caption: "全部季评（" + items.length + "）", id: "reviews-table", className: "stack", rowAttrs: (r) => ({ dataset: { id: String(r.id) } }) })
      : el("p", { class: "muted" }, "还没有季评。季度末先截止季评排队轮次，再在下面新建。"),
    createForm(rounds.items));
  }

  function flagWords(flags) {
    return (flags || []).includes("bottom_streak") ? el("span", { class: "tag unmet" }, "连续末位，建议诫勉谈话") : null;
  }

  function ranking(review) {
    const grade = window.DuPing.reviews.grade;
    return ui.table([
      { label: "排名", className: "num rank", cell: (c) => (c.rank === null ? "—" : String(c.rank)) },
      { label: "姓名", className: "lead", cell: (c) => c.name },
      { label: "部门", cell: (c) => c.department || "—" },
      { label: "任务完成", className: "num", cell: (c) => score(c.tasks) },
      { label: "群众测评", className: "num", cell: (c) => score(c.votes) },
      { label: "得分", className: "num composite", cell: (c) => score(c.score) },
      { label: "等次", cell: (c) => grade(c.grade) },
      { label: "提示", className: "wide", cell: (c) => flagWords(c.flags) },
    ], review.cadres, { caption: periodName(review.period) + "排名", id: "review-ranking", className: "stack",
      rowAttrs: (c) => ({ dataset: { cadre: String(c.cadre_id) } }) });
  }

  async function reviewScreen(view, ctx, id) {
    const path = api.townshipPath("/quarterly-reviews/" + id);
    const loaded = await api.request(path);
    const round = loaded.ok && loaded.data.round_id ? await api.request(api.townshipPath("/rounds/" + loaded.data.round_id)) : null;
    if (!ctx.isCurrent()) return;
    const status = el("div", { class: "message", hidden: true, id: "review-status", tabindex: "-1" });
    view.append(el("p", { class: "no-print back" }, el("a", { href: "#/reviews" }, "← 全部季评")));
    const flashed = ui.takeFlash();
    if (!loaded.ok) { view.append(status); ui.showProblem(status, loaded); return; }
    const review = loaded.data;
    const w = review.weights || {};
    view.append(el("section", { class: "card round-head" },
      el("h1", { id: "review-title" }, periodName(review.period) + "季评排队"),
      el("p", { class: "meta" }, stateBadge(review.state),
        el("span", {}, "任务完成 " + w.tasks + " : 群众测评 " + w.votes),
        el("span", {}, review.round_id ? "群众测评：" + (round && round.ok ? round.data.title : "第 " + review.round_id + " 轮") : "不计群众测评"),
        el("span", {}, "连续末位 " + review.bottom_streak + " 个季度提示诫勉"),
        review.finalized_at ? el("span", {}, "定稿 " + timeName(review.finalized_at)) : null)), status);
    if (flashed) ui.message(status, "ok", flashed);
    view.append(ranking(review), el("div", { class: "actions toolbar no-print" },
      ui.downloads(status, path + "/ranking.csv", "quarterly-review-" + review.period + ".csv", "ranking")));
    if (review.state === "final") {
      view.append(el("section", { class: "card", id: "review-commentary" }, el("h2", {}, "镇党委讲评"),
        review.commentary ? el("p", { class: "commentary-text" }, review.commentary) : el("p", { class: "muted" }, "（无）"),
        el("p", { class: "no-print" }, el("a", { href: "../reviews.html?township=" + encodeURIComponent(api.session().township) + "&id=" + review.id, target: "_blank", rel: "noopener" }, "群众看到的季评排队"))));
      return;
    }
    const commentary = ui.field({ name: "commentary", label: "镇党委讲评（定稿时一并公布）", type: "textarea", id: "review-commentary-input" });
    const box = el("div", { class: "message error", hidden: true });
    const form = el("section", { class: "card no-print", id: "review-finalize", "aria-labelledby": "finalize-title" },
      el("h2", { id: "finalize-title" }, "定稿"),
      el("p", { class: "hint" }, "上面的排名是草稿，随督查和测评数据实时变化。定稿后固定，向群众公布，并写入每位参与排名干部的档案，不能撤回。"),
      commentary, box);
    form.append(el("div", { class: "actions" }, ui.confirmed("定稿", "定稿后公布并写入档案，不能撤回。", "finalize-review", async () => {
      const response = await api.request(path + "/finalize", { method: "POST", body: { commentary: ui.fieldValue(commentary) || "" } });
      if (response.ok) { ui.flash("已定稿并公布，排名已写入干部档案。"); window.DuPingConsole.navigate("reviews", id); return; }
      ui.showProblem(box, response, form);
      focusOn(box);
    })));
    view.append(form);
  }

  function render(view, args, ctx) {
    if (/^\d+$/.test(args[0] || "")) return reviewScreen(view, ctx, Number(args[0]));
    return listScreen(view, ctx);
  }

  window.DuPingConsole.addScreen({ id: "reviews", title: "季评", order: 40, render });
})();
