/* Renders today's whereabouts board (§12, 今日去向牌) for the township hall's screen: the heading
   with the date and the time of the last update, the count for each place, and the cadres
   grouped by department, each with its place in words (the colour only repeats the word), the
   village and the note. Pure DOM building from text nodes; whereabouts.js fetches, refreshes and
   runs the cadre's own form. */
(function () {
  "use strict";
  const { el } = window.DuPing;

  /** The contract's places in display order: the word on a cadre's tile and the word counted. */
  const PLACES = [
    ["office", "在办公室", "在岗"],
    ["village", "下村", "下村"],
    ["meeting", "开会", "开会"],
    ["business", "外出办事", "外出"],
    ["leave", "请假", "请假"],
  ];
  const PLACE_WORDS = Object.fromEntries(PLACES.map(([key, word]) => [key, word]));
  const NO_DEPARTMENT = "未分部门";
  const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

  /** The place as a badge that says its word; `null` (nothing reported today) says 未报. */
  function place(key) {
    if (!key) return el("span", { class: "wb-place none" }, "未报");
    return el("span", { class: "wb-place " + key }, PLACE_WORDS[key] || key);
  }

  /** "HH:MM" in Beijing time, whatever the zone of the screen showing the board. */
  function clock(value) {
    const date = value instanceof Date ? value : new Date(value);
    if (isNaN(date.getTime())) return "";
    const parts = {};
    const format = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    for (const part of format.formatToParts(date)) parts[part.type] = part.value;
    return parts.hour + ":" + parts.minute;
  }

  /** "2026-12-07" → "2026年12月7日 星期一" (the server's today, in China). */
  function dayName(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return text || "";
    const weekday = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
    return Number(m[1]) + "年" + Number(m[2]) + "月" + Number(m[3]) + "日 " + WEEKDAYS[weekday];
  }

  /** The cadres in the server's order, grouped by department in the order they first appear. */
  function departments(items) {
    const groups = new Map();
    for (const item of items) {
      const name = item.department || NO_DEPARTMENT;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(item);
    }
    return groups;
  }

  /** How many cadres are at each place, and how many have not reported. */
  function tally(items) {
    const counts = { none: 0 };
    for (const [key] of PLACES) counts[key] = 0;
    for (const item of items) {
      if (item.place && item.place in counts) counts[item.place]++;
      else counts.none++;
    }
    return counts;
  }

  /**
   * The heading: township, date, and when the page last had the board. `stale` is the time a
   * refresh failed while the board shown is older: the screen says so rather than pretend.
   */
  function head(label, data, fetchedAt, stale) {
    return el("section", { class: "wb-head", id: "wb-head", "aria-labelledby": "wb-title" },
      el("h1", { id: "wb-title" }, el("span", { class: "nowrap" }, label), " ", el("span", { class: "nowrap" }, "干部今日去向")),
      el("p", { class: "wb-date" },
        el("time", { id: "wb-date", datetime: data.date }, dayName(data.date)),
        el("span", { id: "wb-updated", class: "wb-updated" + (stale ? " stale" : "") },
          stale ? "更新失败（" + clock(stale) + "），仍显示 " + clock(fetchedAt) + " 的情况" : "更新于 " + clock(fetchedAt))));
  }

  /** The count for each place and for 未报, every one named even when it is zero. */
  function counts(items) {
    const n = tally(items);
    const entries = PLACES.map(([key, , word]) => [key, word]).concat([["none", "未报"]]);
    return el("section", { class: "wb-summary", "aria-labelledby": "wb-summary-title" },
      el("h2", { id: "wb-summary-title", class: "wb-total" }, "共 ", el("span", { id: "wb-total" }, String(items.length)), " 人"),
      el("ul", { class: "wb-counts", id: "wb-counts" }, entries.map(([key, word]) =>
        el("li", { class: "wb-count " + key, dataset: { place: key } },
          el("span", { class: "word" }, word), " ", el("span", { class: "count" }, String(n[key])), el("span", { class: "unit" }, " 人")))));
  }

  /** One cadre's tile: name and post, the place, the village and note when given, the time reported. */
  function cadre(item, mine) {
    const details = [
      item.village ? el("span", { class: "wb-village" }, item.village) : null,
      item.note ? el("span", { class: "wb-note" }, item.note) : null,
      item.place && item.updated_at
        ? el("span", { class: "wb-time" }, el("time", { datetime: item.updated_at }, clock(item.updated_at)), " 报")
        : null,
    ].filter(Boolean);
    return el("li", { class: "wb-cadre" + (mine ? " mine" : ""), dataset: { cadre: String(item.cadre_id), place: item.place || "none" } },
      el("p", { class: "wb-who" }, el("span", { class: "wb-name" }, item.name),
        item.post ? el("span", { class: "wb-post" }, item.post) : null,
        mine ? el("span", { class: "wb-me" }, "我") : null),
      place(item.place),
      details.length ? el("p", { class: "wb-detail" }, details) : null);
  }

  /** Every department with a heading, its cadres under it. */
  function board(items, mineId) {
    if (!items.length) return el("p", { class: "card muted", id: "wb-board" }, "本镇还没有登记在职干部。");
    const groups = departments(items);
    let index = 0;
    return el("div", { class: "wb-depts", id: "wb-board" }, [...groups].map(([name, people]) => {
      const id = "wb-dept-" + index++;
      return el("section", { class: "wb-dept", dataset: { department: name }, "aria-labelledby": id },
        el("h2", { id }, name, el("span", { class: "count" }, people.length + " 人")),
        el("ul", { class: "wb-list" }, people.map((item) => cadre(item, String(item.cadre_id) === String(mineId)))));
    }));
  }

  /** Fills `container` with the whole board. */
  function render(container, label, data, fetchedAt, stale, mineId) {
    const items = data.items || [];
    container.replaceChildren(el("div", { class: "wb-top" }, head(label, data, fetchedAt, stale), counts(items)), board(items, mineId));
  }

  window.DuPing.whereabouts = { render, place, clock, dayName, PLACES, PLACE_WORDS };
})();
