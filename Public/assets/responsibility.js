/* The public responsibility board page: ?township=…[&year=YYYY][&as_of=YYYY-MM-DD][&village=…]
   fetches the township's board (§9) and hands it to responsibility-render.js. A new as-of date
   reloads the page with it; the village filter works in place and is kept in the address bar so
   a filtered board can be shared, bookmarked or printed. */
(function () {
  "use strict";
  const { api, genericProblem, focusOn } = window.DuPing;
  const $ = (id) => document.getElementById(id);
  const CODE = /^[a-z0-9-]{2,32}$/;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  let board = null;

  function say(text, isError) {
    const box = $("message");
    box.className = "message" + (isError ? " error" : "");
    box.textContent = text;
    box.hidden = !text;
  }

  function params() {
    return new URLSearchParams(location.search);
  }

  /** Writes the village into the address bar without a new history entry; the rest stays. */
  function rememberVillage(village) {
    const p = params();
    if (village) p.set("village", village); else p.delete("village");
    history.replaceState(null, "", location.pathname + "?" + p);
  }

  /** The township's name from its public rounds list, or null when that cannot be had. */
  async function townshipName(code) {
    const result = await api("/v1/public/townships/" + encodeURIComponent(code) + "/rounds");
    return (result.ok && result.data && result.data.township && result.data.township.name) || null;
  }

  function showPicker(code) {
    $("picker").hidden = false;
    if (code) $("township").value = code;
  }

  async function load() {
    const p = params();
    const code = String(p.get("township") || "").trim().toLowerCase();
    if (!code) return showPicker("");
    if (!CODE.test(code)) {
      showPicker(code);
      return say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
    }
    const query = new URLSearchParams();
    if (p.get("year")) query.set("year", p.get("year"));
    if (p.get("as_of")) query.set("as_of", p.get("as_of"));
    say("正在查询…");
    const path = "/v1/public/townships/" + encodeURIComponent(code) + "/responsibility" + (query.toString() ? "?" + query : "");
    const [result, name] = await Promise.all([api(path), townshipName(code)]);
    if (result.status === 404) {
      showPicker(code);
      return say("没有找到乡镇“" + code + "”的责任榜，请核对乡镇代码。", true);
    }
    if (result.status === 400 || result.status === 422) {
      return say("链接中的年份或日期有误（年份如 2026，日期如 2026-06-30），请核对后重试。", true);
    }
    if (!result.ok || !result.data) return say(genericProblem(result.status, result.data), true);
    say("");
    board = result.data;
    const label = name || code;
    window.DuPing.responsibility.render($("results"), board, label, p.get("village") || "");
    $("results").hidden = false;
    document.title = label + " " + board.year + "年责任榜 · 督评";
    $("controls").addEventListener("submit", changeDate);
    $("village").addEventListener("change", changeVillage);
  }

  /** A new as-of date: the page reloads with it (and keeps year and village). */
  function changeDate(event) {
    event.preventDefault();
    const value = $("as-of").value;
    if (!DATE.test(value)) {
      $("as-of").setAttribute("aria-invalid", "true");
      return say("请选择一个完整的日期。", true);
    }
    const p = params();
    p.set("as_of", value);
    location.assign(location.pathname + "?" + p);
  }

  function changeVillage() {
    const village = $("village").value;
    rememberVillage(village);
    window.DuPing.responsibility.filtered($("filtered"), board, village);
  }

  function start() {
    $("township-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const code = $("township").value.trim().toLowerCase();
      if (!CODE.test(code)) {
        $("township").setAttribute("aria-invalid", "true");
        say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
        return focusOn($("message"));
      }
      location.assign(location.pathname + "?township=" + encodeURIComponent(code));
    });
    load();
  }

  start();
})();
