/* Renders the public notice of a year-end assessment (§11, 年底全面考核 · 公示): the heading with
   the notice period, the 拟评优秀 names, the count of cadres in each grade and, while the notice
   runs, the form to object. Pure DOM building from text nodes; assessment.js fetches the notice
   and sends objections. */
(function () {
  "use strict";
  const { el } = window.DuPing;

  /** The four grades from best to worst, with the badge class they share with the quarterly grades. */
  const GRADES = [["优秀", "good"], ["称职", "fair"], ["基本称职", "average"], ["不称职", "poor"]];
  /** Characters an objection may have after trimming (counted as the server counts: code points). */
  const TEXT_LIMIT = 1000;

  /** "2026-12-11" → "2026年12月11日"; anything else unchanged. */
  function dateName(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return m ? m[1] + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : text || "";
  }

  /** Whether objections are still taken: in notice, and today (UTC+8) not after its last day. */
  function open(data, today) {
    return data.state === "notice" && !!data.notice_ends && today <= data.notice_ends;
  }

  /** The heading: township, year, and where the notice stands. */
  function head(townshipLabel, data, code, today) {
    const final = data.state === "final";
    let status;
    if (final) status = el("span", { class: "tag notice-final", id: "notice-state" }, "已定稿");
    else if (open(data, today)) status = el("span", { class: "tag notice-live", id: "notice-state" }, "公示中");
    else status = el("span", { class: "tag notice-closed", id: "notice-state" }, "公示期已满，待定稿");
    return el("section", { class: "card", id: "notice-head", "aria-labelledby": "notice-title" },
      el("p", { class: "muted" }, townshipLabel + " · 年底全面考核 · 公示"),
      el("h1", { id: "notice-title" }, el("span", { class: "nowrap" }, data.year + "年度"), " ",
        el("span", { class: "nowrap" }, final ? "干部考核结果" : "干部考核拟评结果公示")),
      el("p", { class: "meta" }, status,
        data.notice_ends
          ? el("span", { id: "notice-ends" }, "公示期至 ", el("time", { datetime: data.notice_ends }, dateName(data.notice_ends)),
              el("span", { class: "nowrap" }, "（含当天）"))
          : null),
      el("p", { class: "no-print" }, el("a", { href: "reviews.html?" + new URLSearchParams({ township: code }) }, "查看本镇各季度季评排队结果")),
      // On a posted paper the form is gone, so the paper says where to object.
      open(data, today)
        ? el("p", { class: "print-only", id: "print-howto" }, "公示期内对考核结果有异议的，请打开 ",
            el("span", { class: "url" }, location.origin + location.pathname + "?" + new URLSearchParams({ township: code, id: String(data.id) })),
            " 提出，不用留姓名。")
        : null);
  }

  /** The names proposed (or, once final, graded) 优秀, with their departments. */
  function excellent(data) {
    const people = data.excellent || [];
    const title = (data.state === "final" ? "评为优秀" : "拟评优秀") + "（" + people.length + " 人）";
    return el("section", { class: "card", id: "excellent", "aria-labelledby": "excellent-title" },
      el("h2", { id: "excellent-title" }, title),
      people.length
        ? el("ol", { class: "excellent-list", id: "excellent-list" }, people.map((p) =>
            el("li", { dataset: { cadre: String(p.cadre_id) } }, el("span", { class: "name" }, p.name),
              p.department ? el("span", { class: "dept muted" }, p.department) : null)))
        : el("p", { class: "muted", id: "excellent-list" }, "本次没有" + (data.state === "final" ? "评为" : "拟评") + "优秀的干部。"));
  }

  /** How many cadres are in each grade; those the committee has yet to grade are 待定. */
  function counts(data) {
    const c = data.counts || {};
    const total = (data.cadres || []).length;
    const graded = GRADES.reduce((n, [word]) => n + (Number(c[word]) || 0), 0);
    const items = GRADES.map(([word, cls]) => el("li", { dataset: { grade: word } },
      el("span", { class: "grade " + cls }, word), el("span", { class: "count" }, String(Number(c[word]) || 0)), " 人"));
    if (total > graded) {
      items.push(el("li", { dataset: { grade: "待定" } }, el("span", { class: "grade none" }, "待定"),
        el("span", { class: "count" }, String(total - graded)), " 人"));
    }
    return el("section", { class: "card", id: "counts", "aria-labelledby": "counts-title" },
      el("h2", { id: "counts-title" }, "各等次人数（参加考核 " + total + " 人）"),
      el("ul", { class: "grade-counts", id: "annual-counts" }, items));
  }

  /** The objection form, or a line saying objections are no longer taken. */
  function objection(data, today) {
    if (!open(data, today)) {
      return el("section", { class: "card no-print", id: "objection", "aria-labelledby": "objection-title" },
        el("h2", { id: "objection-title" }, "提出异议"),
        el("p", { id: "objection-closed" }, data.state === "final" ? "考核结果已定稿，公示期已结束，不再受理异议。" : "公示期已结束，不再受理异议。"));
    }
    const cadres = [...(data.cadres || [])].sort((a, b) => String(a.name).localeCompare(String(b.name), "zh-CN"));
    const select = el("select", { id: "objection-cadre", "aria-describedby": "objection-cadre-error" },
      el("option", { value: "" }, "请选择"), cadres.map((c) => el("option", { value: String(c.cadre_id) }, c.name)));
    // No maxlength: browsers count UTF-16 units there (an emoji twice); the counter and the server
    // count characters.
    const area = el("textarea", { id: "objection-text", rows: 6, "aria-describedby": "objection-text-hint objection-count objection-text-error" });
    return el("section", { class: "card no-print", id: "objection", "aria-labelledby": "objection-title" },
      el("h2", { id: "objection-title" }, "提出异议"),
      el("p", {}, "对公示的考核结果有不同意见，可以在公示期内（至 " + dateName(data.notice_ends) + "）提出。请写明具体事实，以便核实。"),
      el("p", { class: "privacy", id: "privacy" }, "不用留姓名。异议记录里不保存您的网络地址（IP 地址）；异议只交镇党委核实，不公开。"
        + "为防止刷屏，同一网络每小时最多提交 5 条。"),
      el("form", { id: "objection-form", novalidate: true },
        el("label", { for: "objection-cadre" }, "对哪位干部提出异议"), select,
        el("p", { class: "field-error", id: "objection-cadre-error", hidden: true }),
        el("label", { for: "objection-text" }, "异议内容"),
        el("p", { class: "hint", id: "objection-text-hint" }, "1 至 " + TEXT_LIMIT + " 字。"),
        area,
        el("p", { class: "hint counter", id: "objection-count", "aria-live": "polite" }, "已输入 0 / " + TEXT_LIMIT + " 字"),
        el("p", { class: "field-error", id: "objection-text-error", hidden: true }),
        el("div", { class: "actions" }, el("button", { type: "submit", id: "objection-submit" }, "提交异议"))),
      el("div", { id: "objection-message", class: "message", role: "status", hidden: true }));
  }

  /** The whole notice. */
  function render(container, townshipLabel, data, code, today) {
    window.DuPing.replace(container, head(townshipLabel, data, code, today), excellent(data), counts(data), objection(data, today),
      el("p", { class: "small muted" }, "年度考核综合半年三督六评、季评排队和责任榜任务完成情况评定，"
        + "等次分优秀、称职、基本称职、不称职；优秀名额有比例限制。公示期满并经镇党委定稿后记入干部个人档案。"));
  }

  window.DuPing.assessment = { render, open, dateName, GRADES, TEXT_LIMIT };
})();
