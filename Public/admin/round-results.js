/* A closed or published round's results (contract §6) in the console: the designations, a bar
   chart of the cadres' composite scores (CSS bars sized through the style object, which the
   page's Content-Security-Policy allows), the cadre, department and project tables, the
   results.csv download, and — while closed — publication with the party committee's
   commentary (§7), which asks once more since it writes every cadre's archive. */
(function () {
  "use strict";
  const { el, replace, focusOn, score, SUPERVISIONS } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  /** Names of the designated subjects of one kind, for the summary lines. */
  function designated(list, ids, key) {
    return (ids || []).map((id) => (list.find((s) => s[key] === id) || {})).map((s) => s.name || s.title).filter(Boolean);
  }

  function summary(results) {
    const d = results.designations;
    const line = (label, names) => el("li", {}, el("strong", {}, label + "："), names.length ? names.join("、") : "无");
    return el("section", { class: "card", id: "designations", "aria-labelledby": "designations-title" },
      el("h2", { id: "designations-title" }, "评选结果"),
      el("p", {}, "收回选票 " + results.turnout.ballots + " 张，应投 " + results.turnout.panel + " 张。"),
      el("ul", { class: "designations" },
        line("最满意干部（表彰）", designated(results.cadres, d.most_satisfied.cadres, "cadre_id")),
        line("最不满意干部（待岗）", designated(results.cadres, d.least_satisfied.cadres, "cadre_id")),
        line("最满意部门", designated(results.departments, d.most_satisfied.departments, "department_id")),
        line("最不满意部门", designated(results.departments, d.least_satisfied.departments, "department_id")),
        line("最满意实事", designated(results.projects, d.most_satisfied.projects, "project_id")),
        line("最不满意实事", designated(results.projects, d.least_satisfied.projects, "project_id"))));
  }

  /** One horizontal bar per cadre, in rank order, scaled to the round's score range. */
  function chart(results, scale) {
    const span = scale.max - scale.min || 1;
    return el("figure", { class: "card chart", id: "composite-chart" },
      el("figcaption", {}, el("h2", {}, "干部综合得分")),
      el("ol", { class: "bars" }, results.cadres.map((c) => {
        const value = c.scores.composite;
        const fill = el("span", { class: "bar-fill" });
        fill.style.width = value === null ? "0" : Math.max(0, Math.min(100, ((value - scale.min) / span) * 100)) + "%";
        return el("li", { dataset: { cadre: String(c.cadre_id) } },
          el("span", { class: "bar-name" }, c.name),
          el("span", { class: "bar", "aria-hidden": "true" }, fill),
          el("span", { class: "bar-value" }, value === null ? "未评分" : score(value)));
      })));
  }

  function scoreColumns() {
    return SUPERVISIONS.map(([key, name]) => ({ label: name, className: "num", cell: (s) => score(s.scores[key]) }))
      .concat([{ label: "综合得分", className: "num composite", cell: (s) => score(s.scores.composite) }]);
  }

  const votes = [
    { label: "最满意", className: "num", cell: (s) => String(s.most) },
    { label: "最不满意", className: "num", cell: (s) => String(s.least) },
    { label: "净票", className: "num", cell: (s) => String(s.net) },
  ];
  const rank = { label: "排名", className: "num rank", cell: (s) => (s.rank === null ? "—" : String(s.rank)) };

  function tables(results) {
    const d = results.designations;
    const mark = (list, id) => (list.most_satisfied.cadres.includes(id) ? "commended" : list.least_satisfied.cadres.includes(id) ? "suspended" : null);
    return [
      ui.table([rank, { label: "姓名", className: "lead", cell: (c) => c.name }, { label: "部门", cell: (c) => c.department }]
        .concat(scoreColumns(), votes), results.cadres,
      { caption: "干部", className: "stack results", id: "cadre-results", rowAttrs: (c) => ({ class: mark(d, c.cadre_id), dataset: { id: String(c.cadre_id) } }) }),
      ui.table([rank, { label: "部门", className: "lead", cell: (s) => s.name }].concat(scoreColumns(), votes), results.departments,
        { caption: "部门", className: "stack results", id: "department-results" }),
      results.projects.length ? ui.table([rank, { label: "实事", className: "lead", cell: (p) => p.title }].concat(votes), results.projects,
        { caption: "实事", className: "stack results", id: "project-results" }) : null,
    ];
  }

  /** The publish form of a closed round. */
  function publishForm(path, status, rerender) {
    const commentary = ui.field({ name: "commentary", label: "镇党委讲评（公布时一并张榜）", type: "textarea", id: "commentary",
      hint: "可以分段。公布后写入每位干部的档案：最满意的干部记表彰，最不满意的干部待岗。公布后不能撤回。" });
    const box = el("div", { class: "message error", hidden: true });
    const form = el("section", { class: "card no-print", id: "publish", "aria-labelledby": "publish-title" },
      el("h2", { id: "publish-title" }, "公布结果"), commentary, box);
    form.append(el("div", { class: "actions" }, ui.confirmed("公布", "公布后张榜并写入档案，不能撤回。", "publish-round", async () => {
      const response = await api.request(path + "/publish", { method: "POST", body: { commentary: ui.fieldValue(commentary) || "" } });
      if (!response.ok) { ui.showProblem(box, response, form); focusOn(box); return; }
      ui.flash("已公布。结果已张榜，每位干部的档案已写入。");
      rerender();
    })));
    return form;
  }

  async function roundResults(body, actions, round, path, status, ctx, rerender) {
    const response = await api.request(path + "/results");
    if (!ctx.isCurrent()) return;
    if (!response.ok) { ui.showProblem(status, response); return; }
    const results = response.data;
    const files = ui.downloads(status, path + "/results.csv", "round-" + round.id + "-results.csv", "results");
    const board = "/board.html?" + new URLSearchParams({ township: api.session().township, round: String(round.id) });
    replace(actions, files, ui.button("打印", () => window.print(), "secondary"),
      round.state === "published" ? el("a", { class: "button secondary", href: board, id: "public-board", target: "_blank", rel: "noopener" }, "看张榜页") : null);
    body.append(summary(results), chart(results, round.scale), el("section", { class: "card" }, tables(results)));
    if (round.state === "closed") body.append(publishForm(path, status, rerender));
  }

  window.DuPingConsole.roundResults = roundResults;
})();
