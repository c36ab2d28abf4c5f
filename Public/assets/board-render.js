/* Renders one published round (§6–§7) as the 张榜: header, 红榜 and 待岗 notices, the
   committee's commentary, the three ranking tables and the receipt check. Pure DOM building;
   board.js decides what to fetch. */
(function () {
  "use strict";
  const { el, SUPERVISIONS, BOARDS, KINDS, periodName, timeName, score } = window.DuPing;

  /** The ids designated in one direction, as Sets per subject kind (absent lists are empty). */
  function designated(data, direction) {
    const d = (data.designations || {})[direction] || {};
    return { cadres: new Set(d.cadres || []), departments: new Set(d.departments || []), projects: new Set(d.projects || []) };
  }

  /** A table that turns into labelled cards on a phone (see table.stack in style.css). */
  function table(caption, columns, rows) {
    return el("table", { class: "stack" },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, columns.map(([label, cls]) => el("th", { scope: "col", class: cls || null }, label)))),
      el("tbody", {}, rows));
  }

  function cell(label, content, cls) {
    return el("td", { class: cls || null, dataset: { label } }, content);
  }

  /** Name plus a visible 红榜/待岗 tag, so the mark does not rely on colour alone. */
  function nameWithTag(name, isMost, isLeast) {
    return el("span", {}, name, isMost ? el("span", { class: "tag commend" }, "红榜") : null,
      isLeast ? el("span", { class: "tag suspend" }, "待岗") : null);
  }

  function rowClass(isMost, isLeast) {
    return isMost ? "commended" : isLeast ? "suspended" : null;
  }

  /** Cadres or departments: rank, name, (department), three supervisions, composite, votes. */
  function scoredTable(caption, subjects, idKey, most, least, withDepartment) {
    const columns = [["排名", "num"], [withDepartment ? "姓名" : "部门"]];
    if (withDepartment) columns.push(["部门"]);
    for (const [key, name] of SUPERVISIONS) {
      columns.push([name, "num"]);
      // Cadres: the recorded village days beside the evaluators' 下村时间 score (contract §12).
      if (withDepartment && key === "village_time") columns.push(["下村天数", "num"]);
    }
    columns.push(["综合得分", "num"], ["最满意票", "num"], ["最不满意票", "num"]);
    const rows = subjects.map((s) => {
      const isMost = most.has(s[idKey]);
      const isLeast = least.has(s[idKey]);
      const scores = s.scores || {};
      return el("tr", { class: rowClass(isMost, isLeast) },
        cell("排名", s.rank === null || s.rank === undefined ? "—" : s.rank, "num rank"),
        cell(withDepartment ? "姓名" : "部门", nameWithTag(s.name, isMost, isLeast), "lead"),
        withDepartment ? cell("部门", s.department, "wide") : null,
        SUPERVISIONS.flatMap(([key, name]) => [cell(name, score(scores[key]), "num"),
          withDepartment && key === "village_time"
            ? cell("下村天数", s.village_days === undefined || s.village_days === null ? "—" : s.village_days, "num")
            : null]),
        cell("综合得分", score(scores.composite), "num composite"),
        cell("最满意票", s.most, "num"),
        cell("最不满意票", s.least, "num"));
    });
    return table(caption, columns, rows);
  }

  /** Projects: the 板块 column only when the results name the boards (§6 does not require it). */
  function projectTable(projects, most, least) {
    const withBoard = projects.some((p) => p.board);
    const columns = [["排名", "num"], ["实事"]].concat(withBoard ? [["板块"]] : [],
      [["最满意票", "num"], ["最不满意票", "num"], ["净票", "num"]]);
    const rows = projects.map((p) => {
      const isMost = most.has(p.project_id);
      const isLeast = least.has(p.project_id);
      return el("tr", { class: rowClass(isMost, isLeast) },
        cell("排名", p.rank === null || p.rank === undefined ? "—" : p.rank, "num rank"),
        cell("实事", nameWithTag(p.title, isMost, isLeast), "lead"),
        withBoard ? cell("板块", BOARDS[p.board] || p.board || "—", "wide") : null,
        cell("最满意票", p.most, "num"), cell("最不满意票", p.least, "num"), cell("净票", p.net, "num"));
    });
    return table("实事排名", columns, rows);
  }

  /** One notice (红榜 or 待岗): a line per subject kind that has designated subjects. */
  function notice(cls, title, subtitle, lines) {
    const filled = lines.filter(([, names]) => names.length);
    return el("section", { class: "notice " + cls, "aria-labelledby": cls + "-title" },
      el("h2", { id: cls + "-title" }, title),
      el("p", { class: "kind" }, subtitle),
      filled.length
        ? el("ul", {}, filled.map(([label, names]) => el("li", {}, label + "：", el("strong", {}, names.join("、")))))
        : el("p", {}, "本轮无。"));
  }

  function notices(data) {
    const pick = (list, idKey, ids, nameKey) => list.filter((s) => ids.has(s[idKey])).map((s) => s[nameKey || "name"]);
    const m = designated(data, "most_satisfied");
    const l = designated(data, "least_satisfied");
    return el("div", { class: "notices" },
      notice("commend", "红榜", "最满意 · 表彰奖励", [
        ["干部", pick(data.cadres || [], "cadre_id", m.cadres)],
        ["部门", pick(data.departments || [], "department_id", m.departments)],
        ["实事", pick(data.projects || [], "project_id", m.projects, "title")]]),
      notice("suspend", "最不满意", "干部待岗处理 · 部门和实事通报", [
        ["干部（待岗处理）", pick(data.cadres || [], "cadre_id", l.cadres)],
        ["部门", pick(data.departments || [], "department_id", l.departments)],
        ["实事", pick(data.projects || [], "project_id", l.projects, "title")]]));
  }

  /** Lower-case and without spaces or hyphens, so a receipt typed loosely still matches. */
  function receiptKey(text) {
    return String(text || "").toLowerCase().replace(/[\s\-‐-―－]/g, "");
  }

  /** The "查验我的回执" box; its answer is announced through a polite live region. */
  function receiptCheck(receipts) {
    const keys = new Set(receipts.map(receiptKey));
    const input = el("input", { id: "receipt-input", type: "search", autocomplete: "off", spellcheck: "false", "aria-describedby": "receipt-hint" });
    const answer = el("div", { id: "receipt-answer", class: "no-print", role: "status", "aria-live": "polite" });
    const form = el("form", { class: "inline-form no-print", id: "receipt-form", novalidate: true },
      el("div", {}, el("label", { for: "receipt-input" }, "回执号"), input),
      el("button", { type: "submit" }, "查验"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const key = receiptKey(input.value);
      let message;
      if (!key) message = el("p", { class: "message error" }, "请先输入回执号。");
      else if (keys.has(key)) message = el("p", { class: "message ok" }, "✔ 已计入：回执号 ", el("code", {}, input.value.trim()), " 的选票已计入本轮结果。");
      else message = el("p", { class: "message error" }, "✘ 没有找到回执号 ", el("code", {}, input.value.trim()), "。请核对是否输错，或是否是本轮的回执；确有疑问请向镇纪委反映。");
      window.DuPing.replace(answer, message);
    });
    const all = el("details", { class: "receipts" },
      el("summary", {}, "全部回执号（" + receipts.length + " 张）"),
      el("p", { class: "small receipt-list" }, receipts.join("　")));
    return el("section", { class: "card", id: "receipt-check", "aria-labelledby": "receipt-title" },
      el("h2", { id: "receipt-title" }, "查验我的回执"),
      el("p", { class: "hint", id: "receipt-hint" }, "投票后拿到的回执号，输入后可确认您的选票是否已计入。本轮共计入 " + receipts.length + " 张选票。"),
      form, answer, all);
  }

  /** The whole board for one published round. */
  function render(container, data, townshipLabel) {
    const round = data.round || {};
    const turnout = data.turnout || {};
    const m = designated(data, "most_satisfied");
    const l = designated(data, "least_satisfied");
    const head = el("section", { class: "card", "aria-labelledby": "board-title" },
      el("p", { class: "muted" }, (townshipLabel ? townshipLabel + " · " : "") + "张榜公布"),
      el("h2", { id: "board-title", class: "board-title" }, round.title || "测评结果"),
      el("p", { class: "meta" },
        el("span", {}, KINDS[round.kind] || ""), el("span", {}, periodName(round.period)),
        el("span", {}, "公布时间：", el("time", { datetime: data.published_at || "" }, timeName(data.published_at)),
          el("span", { class: "nowrap" }, "（北京时间）")),
        turnout.ballots !== undefined ? el("span", {}, "参评：" + turnout.ballots + " / " + turnout.panel + " 人") : null));
    const commentary = data.commentary
      ? el("section", { class: "card", "aria-labelledby": "commentary-title" },
          el("h2", { id: "commentary-title" }, "镇党委讲评"), el("p", { class: "commentary" }, data.commentary))
      : null;
    window.DuPing.replace(container, head, notices(data), commentary,
      el("section", { class: "card" }, scoredTable("干部排名", data.cadres || [], "cadre_id", m.cadres, l.cadres, true)),
      el("section", { class: "card" }, scoredTable("部门排名", data.departments || [], "department_id", m.departments, l.departments, false)),
      (data.projects || []).length ? el("section", { class: "card" }, projectTable(data.projects, m.projects, l.projects)) : null,
      receiptCheck(data.receipts || []),
      el("p", { class: "small muted" }, "分数为去掉一个最高分和一个最低分（评分满 5 人时）后的平均分；综合得分为三项督查的加权平均；“—”表示无人评分。"));
  }

  window.DuPing.board = { render, receiptKey };
})();
