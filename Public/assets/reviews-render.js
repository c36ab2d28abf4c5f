/* Renders the public quarterly review (§10, 督评会 · 季评排队): the heading with the quarter and
   the date it was finalized, the list of finalized quarters as links, the ranking table with
   worded grades and the committee's commentary. Pure DOM building from text nodes; reviews.js
   decides what to fetch and keeps the chosen quarter in the address bar. */
(function () {
  "use strict";
  const { el, periodName, timeName, score } = window.DuPing;

  /** The four grades from best to worst, with the class that styles each badge. */
  const GRADES = [["好", "good"], ["较好", "fair"], ["一般", "average"], ["较差", "poor"]];
  const GRADE_CLASS = Object.fromEntries(GRADES);

  /** A grade as a badge that says its word, so it reads without colour and in black-and-white print. */
  function grade(word) {
    if (!word) return el("span", { class: "grade none" }, "未评");
    return el("span", { class: "grade " + (GRADE_CLASS[word] || "none") }, word);
  }

  /** The address of one quarter's ranking on this page. */
  function link(code, id) {
    return "reviews.html?" + new URLSearchParams({ township: code, id: String(id) });
  }

  /**
   * Every finalized quarter as links, a line per year (newest year first, its quarters in
   * calendar order, so many quarters stay compact on a phone); the one shown is marked current.
   */
  function quarters(items, code, currentId) {
    const years = new Map();
    for (const item of [...items].sort((a, b) => String(a.period).localeCompare(String(b.period)))) {
      const year = String(item.period).slice(0, 4);
      if (!years.has(year)) years.set(year, []);
      years.get(year).push(item);
    }
    const quarterName = (period) => periodName(period).replace(/^\d{4}年/, "");
    return el("nav", { id: "quarters", class: "quarters no-print", "aria-labelledby": "quarters-title" },
      el("h2", { id: "quarters-title", class: "quarters-title" }, "选择季度"),
      el("ul", { class: "years" }, [...years.keys()].reverse().map((year) => el("li", {},
        el("span", { class: "year" }, year + "年"),
        el("ul", {}, years.get(year).map((item) => el("li", {}, el("a", {
          href: link(code, item.id), dataset: { review: String(item.id), period: item.period },
          "aria-label": periodName(item.period), "aria-current": String(item.id) === String(currentId) ? "page" : null,
        }, quarterName(item.period)))))))));
  }

  function cell(label, content, cls) {
    return el("td", { class: cls || null, dataset: { label } }, content);
  }

  /** How many cadres share each rank, so a tie can say 并列. */
  function rankCounts(cadres) {
    const counts = new Map();
    for (const c of cadres) counts.set(c.rank, (counts.get(c.rank) || 0) + 1);
    return counts;
  }

  /**
   * The ranking: 名次, 姓名, 部门, 得分, 等次, in the server's order (score desc). On a phone the
   * department moves under the name (style.css), so the four remaining columns fit the width.
   */
  function ranking(cadres) {
    const counts = rankCounts(cadres);
    const rows = cadres.map((c) => el("tr", { dataset: { grade: GRADE_CLASS[c.grade] || "none" } },
      cell("名次", [el("span", { class: "rank-number" }, c.rank === null || c.rank === undefined ? "—" : String(c.rank)),
        counts.get(c.rank) > 1 ? el("span", { class: "tie" }, "并列") : null], "num rank"),
      cell("姓名", [el("span", { class: "name-text" }, c.name), el("span", { class: "dept-under" }, c.department || "—")], "name"),
      cell("部门", c.department || "—", "dept"),
      cell("得分", score(c.score), "num score"),
      cell("等次", grade(c.grade), "grade-cell")));
    return el("table", { class: "ranking", id: "ranking-table" },
      el("caption", {}, "干部排队（" + cadres.length + " 人）"),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", class: "num c-rank" }, "名次"),
        el("th", { scope: "col", class: "c-name" }, "姓名", el("span", { class: "dept-under" }, "部门")),
        [["部门", "c-dept"], ["得分", "num c-score"], ["等次", "c-grade"]].map(([label, cls]) => el("th", { scope: "col", class: cls }, label)))),
      el("tbody", {}, rows));
  }

  /** The count of cadres in each grade, every grade named even when nobody has it. */
  function gradeCounts(cadres) {
    return el("ul", { class: "grade-counts", id: "grade-counts", "aria-label": "各等次人数" }, GRADES.map(([word, cls]) =>
      el("li", { dataset: { grade: cls } }, grade(word),
        el("span", { class: "count" }, String(cadres.filter((c) => c.grade === word).length)), " 人")));
  }

  /** The heading for the township: its name, the quarter shown (if any) and when it was finalized. */
  function head(townshipLabel, items, code, data) {
    return el("section", { class: "card", id: "review-head", "aria-labelledby": "review-title" },
      el("p", { class: "muted" }, townshipLabel + " · 督评会 · 季评排队"),
      el("h1", { id: "review-title" }, data ? [el("span", { class: "nowrap" }, periodName(data.period)), " "] : null,
        el("span", { class: "nowrap" }, "干部季评排队")),
      data && data.finalized_at
        ? el("p", { class: "meta" }, el("span", {}, "定稿时间：", el("time", { datetime: data.finalized_at }, timeName(data.finalized_at)),
            el("span", { class: "nowrap" }, "（北京时间）")))
        : null,
      quarters(items, code, data ? data.id : null),
      el("p", { class: "no-print small" }, el("a", { href: "assessment.html?" + new URLSearchParams({ township: code }) }, "本镇年度考核公示")));
  }

  /** One finalized review: the ranking with its grade counts and the commentary. */
  function review(data) {
    const cadres = data.cadres || [];
    return [
      el("section", { class: "card", id: "ranking", "aria-labelledby": "ranking-title" },
        el("h2", { id: "ranking-title" }, "排队结果"),
        gradeCounts(cadres),
        cadres.length ? ranking(cadres) : el("p", { class: "muted" }, "本季度没有参加排队的干部。")),
      el("section", { class: "card", id: "commentary-card", "aria-labelledby": "commentary-title" },
        el("h2", { id: "commentary-title" }, "镇党委讲评"),
        data.commentary
          ? el("p", { class: "commentary", id: "commentary" }, data.commentary)
          : el("p", { class: "muted", id: "commentary" }, "本季度未附讲评。")),
      el("p", { class: "small muted" }, "得分由责任榜任务完成情况和季度群众测评加权计算，保留两位小数；名次相同为并列。"
        + "等次：90 分及以上为“好”，80 分及以上为“较好”，60 分及以上为“一般”，60 分以下为“较差”。"),
    ];
  }

  window.DuPing.reviews = { head, review, quarters, grade, GRADES };
})();
