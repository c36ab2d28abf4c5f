/* Renders the public responsibility board (§9) : the heading with the as-of date, the legend of
   status lights, the three boards (a table on a wide screen, one card per project on a phone)
   and the quotas. Pure DOM building from text nodes; responsibility.js decides what to fetch
   and keeps the village filter in the address bar. */
(function () {
  "use strict";
  const { el, replace, BOARDS } = window.DuPing;

  /** Light keys in the contract's order, with the word shown beside every colour. */
  const LIGHTS = [["red", "超期"], ["yellow", "滞后"], ["blue", "临期"], ["green", "正常"], ["done", "已完成"], ["cancelled", "已取消"]];
  const LIGHT_WORDS = Object.fromEntries(LIGHTS);
  const ASSESSMENTS = { on_track: "正常推进", behind: "滞后", blocked: "受阻", done: "已完成" };
  const BOARD_KEYS = ["service", "relief", "prosperity"];
  const DASH = "—";

  /** A light as a coloured badge that also says its word, so it reads in black and white. */
  function light(key) {
    if (!key) return el("span", { class: "light none" }, "未排期");
    return el("span", { class: "light " + key }, LIGHT_WORDS[key] || key);
  }

  function items(data, board) {
    return ((data.boards || {})[board]) || [];
  }

  /** Every village named by a project or a stationed cadre, in Chinese collation order. */
  function villages(data) {
    const names = new Set();
    for (const board of BOARD_KEYS) for (const item of items(data, board)) if (item.village) names.add(item.village);
    for (const cadre of ((data.quotas || {}).cadres || [])) if (cadre.village) names.add(cadre.village);
    return [...names].sort((a, b) => a.localeCompare(b, "zh-CN"));
  }

  function cell(label, content, cls) {
    return el("td", { class: cls || null, dataset: { label } }, content);
  }

  function orDash(value) {
    return value === null || value === undefined || value === "" ? DASH : value;
  }

  /** Start and due, and the extension when the due date was moved. */
  function deadline(item) {
    if (!item.start && !item.due) return el("span", { class: "muted" }, "未排期");
    return el("span", { class: "deadline" },
      el("span", { class: "nowrap" }, orDash(item.start)), " ", el("span", { class: "nowrap" }, "至 " + orDash(item.due)),
      item.due_changes > 0
        ? el("span", { class: "extended" }, el("span", { class: "nowrap" }, "延期 " + item.due_changes + " 次，"),
            el("span", { class: "nowrap" }, "原期限"), " ", el("span", { class: "nowrap" }, orDash(item.original_due)))
        : null);
  }

  /** A bar for the progress with a mark at the planned progress, and the two figures in words. */
  function progress(item) {
    const hasProgress = item.progress !== null && item.progress !== undefined;
    const hasPlan = item.planned !== null && item.planned !== undefined;
    const bar = el("span", { class: "bar", "aria-hidden": "true" });
    if (hasProgress) {
      const fill = el("span", { class: "fill" });
      fill.style.width = Math.max(0, Math.min(100, item.progress)) + "%";
      bar.append(fill);
    }
    if (hasPlan) {
      const plan = el("span", { class: "plan" });
      plan.style.left = Math.max(0, Math.min(100, item.planned)) + "%";
      bar.append(plan);
    }
    return el("span", { class: "progress" + (hasProgress ? "" : " unchecked") }, hasProgress || hasPlan ? bar : null,
      el("span", { class: "figures" },
        el("span", { class: "nowrap" }, hasProgress ? "进度 " + item.progress + "%" : "未督查"),
        hasPlan ? [" / ", el("span", { class: "nowrap" }, "计划 " + item.planned + "%")] : null));
  }

  /** The latest monthly check: month, the assessment in Chinese, and the note as plain text. */
  function lastCheck(check) {
    if (!check) return el("span", { class: "muted" }, "暂无督查");
    return el("span", { class: "check" },
      el("span", { class: "nowrap" }, check.month + " ",
        el("span", { class: "assessment " + check.assessment }, ASSESSMENTS[check.assessment] || check.assessment)),
      check.note ? el("span", { class: "note" }, check.note) : null);
  }

  /** Column headers with the classes that give the three boards the same column widths. */
  const COLUMNS = [["状态", "c-light"], ["实事", "c-title"], ["责任部门", "c-dept"], ["责任人", "c-person"], ["分管领导", "c-supervisor"],
    ["村", "c-village"], ["期限", "c-date"], ["进度", "c-progress"], ["最近督查", "c-check"]];

  function row(item) {
    return el("tr", { dataset: { project: String(item.project_id), light: item.light || "none", village: item.village || "" } },
      cell("状态", light(item.light), "light-cell"),
      cell("实事", [el("span", { class: "title" }, item.title), item.target ? el("span", { class: "target" }, item.target) : null], "lead"),
      cell("责任部门", orDash(item.department)),
      cell("责任人", orDash(item.cadre)),
      cell("分管领导", orDash(item.supervisor)),
      cell("村", orDash(item.village)),
      cell("期限", deadline(item), "wide"),
      cell("进度", progress(item), "wide"),
      cell("最近督查", lastCheck(item.last_check), "wide"));
  }

  /** One board: its rows (only the village's when a village is chosen), or a line saying none. */
  function board(data, key, village) {
    const all = items(data, key);
    const shown = village ? all.filter((item) => item.village === village) : all;
    const id = "board-" + key;
    const count = village ? "（" + village + " " + shown.length + " 项，全镇 " + all.length + " 项）" : "（" + all.length + " 项）";
    return el("section", { class: "card board", id, "aria-labelledby": id + "-title" },
      el("h2", { id: id + "-title" }, BOARDS[key], el("span", { class: "count" }, count)),
      shown.length
        ? el("table", { class: "resp" },
            el("thead", {}, el("tr", {}, COLUMNS.map(([label, cls]) => el("th", { scope: "col", class: cls }, label)))),
            el("tbody", {}, shown.map(row)))
        : el("p", { class: "empty muted" }, village ? village + "在本榜暂无项目。" : "本榜暂无项目。"));
  }

  /** The legend: every light with its word and the township's count from `lights`. */
  function legend(data) {
    const counts = data.lights || {};
    return el("section", { class: "legend", "aria-labelledby": "legend-title" },
      el("h2", { id: "legend-title", class: "legend-title" }, "状态（全镇）"),
      el("ul", { class: "lights", id: "legend" }, LIGHTS.map(([key]) =>
        el("li", { dataset: { light: key } }, light(key), el("span", { class: "count" }, String(counts[key] || 0)), " 项"))),
      el("p", { class: "small muted" },
        "超期：已过期限未完成，或最近两个月未督查；滞后：进度落后于计划，或上月未督查；临期：30 天内到期；正常：按计划推进。"));
  }

  function metTag(met) {
    return el("span", { class: "tag " + (met ? "met" : "unmet") }, met ? "达标" : "未达标");
  }

  /** The township's 实事 quota and the stationed cadres' village quotas. */
  function quotas(data, village) {
    const q = data.quotas || {};
    const town = q.township;
    const cadres = (q.cadres || []).filter((c) => !village || c.village === village);
    return el("section", { class: "card", id: "quotas", "aria-labelledby": "quotas-title" },
      el("h2", { id: "quotas-title" }, "任务指标"),
      town
        ? el("p", { id: "township-quota" }, "全镇本年为民办实事 ", el("strong", {}, String(town.service_projects)),
            " 项，要求不少于 ", el("strong", {}, String(town.required)), " 项 ", metTag(town.met))
        : null,
      cadres.length
        ? el("table", { class: "stack quota" },
            el("caption", {}, "驻村干部在所驻村负责的项目" + (village ? "（" + village + "）" : "")),
            el("thead", {}, el("tr", {}, [["驻村干部"], ["村"], ["项目数", "num"], ["要求", "num"], ["是否达标"]]
              .map(([label, cls]) => el("th", { scope: "col", class: cls || null }, label)))),
            el("tbody", {}, cadres.map((c) => el("tr", { dataset: { cadre: String(c.cadre_id) } },
              cell("驻村干部", c.name, "lead"), cell("村", orDash(c.village)),
              cell("项目数", c.projects, "num"), cell("要求", c.required, "num"),
              cell("是否达标", metTag(c.met))))))
        : el("p", { class: "muted" }, village ? village + "没有驻村干部。" : "没有驻村干部。"));
  }

  /** The parts that follow the village filter: the three boards and the quotas. */
  function filtered(container, data, village) {
    const total = BOARD_KEYS.reduce((n, key) => n + items(data, key).length, 0);
    const shown = BOARD_KEYS.reduce((n, key) => n + items(data, key).filter((i) => !village || i.village === village).length, 0);
    const status = document.getElementById("filter-status");
    if (status) {
      status.textContent = village ? "只看" + village + "：" + shown + " 项（全镇共 " + total + " 项）" : "";
      status.hidden = !village;
    }
    replace(container, BOARD_KEYS.map((key) => board(data, key, village)), quotas(data, village));
  }

  /** The heading with the township, year and as-of date, the controls, legend and boards. */
  function render(container, data, townshipLabel, village) {
    const options = [el("option", { value: "" }, "全部"), ...villages(data).map((v) => el("option", { value: v }, v))];
    if (village && !villages(data).includes(village)) options.push(el("option", { value: village }, village));
    const select = el("select", { id: "village" }, options);
    select.value = village || "";
    const head = el("section", { class: "card", id: "resp-head", "aria-labelledby": "resp-title" },
      el("p", { class: "muted" }, townshipLabel + " · 三个责任榜 · 接受群众监督"),
      el("h1", { id: "resp-title" }, data.year + "年 责任榜 · 截至 ", el("time", { datetime: data.as_of }, data.as_of)),
      el("form", { id: "controls", class: "inline-form controls no-print", novalidate: true },
        el("div", { class: "date-field" }, el("label", { for: "as-of" }, "截至日期"),
          el("input", { id: "as-of", type: "date", value: data.as_of, required: true })),
        el("button", { type: "submit", class: "secondary" }, "查看"),
        el("div", { class: "village-field" }, el("label", { for: "village" }, "按村筛选"), select)),
      el("p", { id: "filter-status", class: "filter-status", role: "status", hidden: true }),
      legend(data));
    const rest = el("div", { id: "filtered" });
    replace(container, head, rest,
      el("p", { class: "small muted" }, "进度为最近一次月底督查的进度；计划进度按开始到期限的天数折算。"
        + "每月底由分管领导督查，结果在此公开，欢迎群众监督。"));
    filtered(rest, data, village);
  }

  window.DuPing.responsibility = { render, filtered, villages, LIGHTS, ASSESSMENTS };
})();
